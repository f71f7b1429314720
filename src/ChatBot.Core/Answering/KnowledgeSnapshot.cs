using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Safety;

namespace ChatBot.Core.Answering;

/// <summary>One knowledge version with everything built from it. A question is answered entirely by one snapshot.</summary>
public sealed class KnowledgeSnapshot(KnowledgeBase knowledge, Retriever retriever, SafetyTriage safety, DateTimeOffset loadedAt)
{
    public KnowledgeBase Knowledge { get; } = knowledge;

    public Retriever Retriever { get; } = retriever;

    public SafetyTriage Safety { get; } = safety;

    public ReplyComposer Composer { get; } = new(knowledge);

    public DateTimeOffset LoadedAt { get; } = loadedAt;

    /// <summary>Every text this version embedded: what the embedding cache keeps while it serves.</summary>
    public IReadOnlyList<string> EmbeddedTexts { get; init; } = [];

    /// <summary>
    /// Texts the cache also keeps while this version serves, though building it embeds none of them: the clauses the
    /// full phrase check reads (<c>faq validate</c>), so a check after a reload finds those it embedded before.
    /// </summary>
    public IReadOnlyList<string> CheckTexts { get; init; } = [];

    /// <summary>What the embedding cache keeps while this version serves.</summary>
    public IReadOnlyList<string> KeptTexts => [.. EmbeddedTexts, .. CheckTexts];

    public string Version => Knowledge.Version;

    /// <summary>
    /// Red flags of a normalised message. Its clauses are embedded together with the parts retrieval will
    /// read, in one model call, and <paramref name="vectors"/> keeps them for retrieval to reuse.
    /// </summary>
    public SafetyAssessment Triage(string normalizedMessage, QuestionVectors vectors) =>
        Triage(normalizedMessage, Retriever.Prepare(normalizedMessage), vectors);

    /// <summary>As <see cref="Triage(string, QuestionVectors)"/>, with the text retrieval reads already prepared.</summary>
    public SafetyAssessment Triage(string normalizedMessage, string prepared, QuestionVectors vectors)
    {
        var reading = Safety.SemanticClauses(normalizedMessage, prepared);
        if (!vectors.IsSemantic || reading.Clauses.Count == 0)
        {
            return Safety.Assess(normalizedMessage, []);
        }

        vectors.Ensure([.. reading.Clauses, .. Retriever.Parts(prepared), .. ReadingParts(Retriever, reading)]);
        return Safety.Assess(normalizedMessage, reading.Clauses.Select(c => (c, vectors.Get(c)!)).ToArray(), glossed: reading.IsGloss);
    }

    /// <summary>
    /// The texts answering a normalised message embeds (its clauses for triage, the parts retrieval reads), so
    /// they can be embedded ahead together with other messages' (<see cref="QuestionsAhead"/>). Empty in lexical mode.
    /// </summary>
    public IReadOnlyList<string> TextsToEmbed(string normalizedMessage) => TextsToEmbed(Retriever, Safety, normalizedMessage);

    /// <inheritdoc cref="TextsToEmbed(string)"/>
    internal static IReadOnlyList<string> TextsToEmbed(Retriever retriever, SafetyTriage safety, string normalizedMessage)
    {
        if (retriever.Mode != RetrievalMode.Semantic || !normalizedMessage.Any(char.IsLetterOrDigit))
        {
            return [];
        }

        var prepared = retriever.Prepare(normalizedMessage);
        var reading = safety.SemanticClauses(normalizedMessage, prepared);
        return [.. reading.Clauses, .. retriever.Parts(prepared), .. ReadingParts(retriever, reading)];
    }

    /// <summary>
    /// What retrieval reads of a message's English rendering, should the message not be understood as written
    /// (<see cref="AnswerEngine"/>): embedded with the rest, so that second reading costs no model call of its own.
    /// </summary>
    private static IReadOnlyList<string> ReadingParts(Retriever retriever, SemanticReading reading) =>
        reading.IsGloss && reading.Clauses.Count > 0 ? retriever.Parts(retriever.Prepare(reading.Clauses[0])) : [];
}
