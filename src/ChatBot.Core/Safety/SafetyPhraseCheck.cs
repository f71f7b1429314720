using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Text;

namespace ChatBot.Core.Safety;

/// <summary>
/// Checks the phrasings moderators add to <c>safety.yaml</c> against the triage they feed, each judged with
/// itself left out: an example that raises another category, by any signal, and does not raise its own, is
/// probably filed under the wrong one (another category firing as well, as for a child who swallowed some,
/// is fine); and a look-alike must raise
/// none, which with itself in the pool means no pattern may match it. A phrasing that fails would teach the bot the wrong thing, so the knowledge version is refused.
/// </summary>
public static class SafetyPhraseCheck
{
    /// <param name="triage">The triage built from the phrasings.</param>
    /// <param name="newVectors">Vectors as triage sees them (lexical mode: none); phrasings are already in the embedding cache.</param>
    public static IReadOnlyList<KnowledgeError> Run(SafetyTriage triage, Func<QuestionVectors> newVectors)
    {
        // Thousands of phrasings, each judged on its own: checked one per core at once, reported in file order, and
        // without making every pattern hot (PatternMatch.Uncounted).
        var phrasings = triage.Categories
            .SelectMany(c => (triage.IsSemantic ? c.Examples : []).Select(p => (Category: c, Phrase: p, IsExample: true))
                .Concat(c.NotExamples.Select(p => (Category: c, Phrase: p, IsExample: false))))
            .ToArray();
        return phrasings
            .AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(p => PatternMatch.Uncounted(() =>
                p.IsExample ? CheckExample(triage, newVectors, p.Category, p.Phrase) : CheckLookAlike(triage, newVectors, p.Category, p.Phrase)))
            .OfType<KnowledgeError>()
            .ToArray();
    }

    private static KnowledgeError? CheckExample(SafetyTriage triage, Func<QuestionVectors> newVectors, SafetyCategory category, SafetyPhrase example)
    {
        // Another category may well fire too (a child who swallowed some); what points to a misfiled example
        // is raising another category while not raising its own.
        var flags = Assess(triage, newVectors(), example.Text, skipSelf: true).Flags;
        var others = flags.Where(f => f.Category.Id != category.Id).Select(f => f.Category.Id).ToArray();
        return others.Length > 0 && flags.All(f => f.Category.Id != category.Id)
            ? new KnowledgeError(KnowledgeLoader.SafetyFile, example.Line, $"{category.Id}.examples",
                $"\"{example.Text}\" raises {string.Join(", ", others)} but not {category.Id}; list it under the category it belongs to, or reword it")
            : null;
    }

    private static KnowledgeError? CheckLookAlike(SafetyTriage triage, Func<QuestionVectors> newVectors, SafetyCategory category, SafetyPhrase lookAlike)
    {
        // Judged with itself in the pool: a look-alike that still fires is matched by a pattern.
        var fired = Assess(triage, newVectors(), lookAlike.Text, skipSelf: false).Flags.Select(f => f.Category.Id).ToArray();
        return fired.Length > 0
            ? new KnowledgeError(KnowledgeLoader.SafetyFile, lookAlike.Line, $"{category.Id}.not_examples",
                $"\"{lookAlike.Text}\" raises {string.Join(", ", fired)} even so; a look-alike must raise no flag (check the patterns it matches with 'chatbot safety check')")
            : null;
    }

    /// <summary>
    /// What the check embeds: the clauses of every phrasing it reads (none in lexical mode), so the embedding cache can
    /// keep them and the next check of an unchanged file makes no model call.
    /// </summary>
    public static IEnumerable<string> Texts(SafetyTriage triage) =>
        triage.Categories
            .SelectMany(c => (triage.IsSemantic ? c.Examples : []).Concat(c.NotExamples))
            .SelectMany(p => Reading(triage, QuestionNormalizer.Normalize(p.Text)).Clauses)
            .Distinct(StringComparer.Ordinal);

    private static SemanticReading Reading(SafetyTriage triage, string normalized) =>
        triage.SemanticClauses(normalized, RetrievalText.Clean(normalized));

    private static SafetyAssessment Assess(SafetyTriage triage, QuestionVectors vectors, string phrase, bool skipSelf)
    {
        var normalized = QuestionNormalizer.Normalize(phrase);
        var reading = Reading(triage, normalized);
        IReadOnlyList<(string, float[])> embedded = [];
        if (vectors.IsSemantic && reading.Clauses.Count > 0)
        {
            vectors.Ensure(reading.Clauses);
            embedded = reading.Clauses.Select(c => (c, vectors.Get(c)!)).ToArray();
        }

        return triage.Assess(normalized, embedded, skip: skipSelf ? phrase : null, glossed: reading.IsGloss);
    }
}
