using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Safety;

/// <summary>
/// Where a category's <c>unless</c> concepts stop it: in a sentence that says one; in a question
/// that follows a question saying one ("What are the signs of too much? Muscle weakness, a slow
/// pulse?": the first question covers the examples it lists); and in a question that the next statement
/// qualifies ("Can pregnant women take it? I'm not pregnant, just curious."). A statement after it is not
/// covered: "Can people with kidney disease take it? I have CKD." is flagged. The same rule holds for every
/// signal of the category: patterns, combinations and the semantic comparison. A message also read in another
/// spelling (Russian typed in Latin letters, read in Cyrillic) is stopped by what either spelling of a sentence says,
/// when both have the same sentences.
/// </summary>
internal sealed class UnlessScope(
    IReadOnlyList<SafetyConcept> concepts,
    IReadOnlyList<SafetySentences.Sentence> sentences,
    ConceptMatches said,
    IReadOnlyList<SafetySentences.Sentence>? otherSpelling = null)
{
    private readonly IReadOnlyList<SafetyConcept> _concepts = concepts;
    private readonly IReadOnlyList<SafetySentences.Sentence> _sentences = sentences;
    private readonly ConceptMatches _said = said;
    private readonly IReadOnlyList<SafetySentences.Sentence>? _otherSpelling = otherSpelling?.Count == sentences.Count ? otherSpelling : null;

    /// <summary>Per sentence, whether it says a concept; read only when a signal needs it (most messages raise none).</summary>
    private readonly bool?[] _stopped = new bool?[sentences.Count];

    public bool IsEmpty => _concepts.Count == 0;

    /// <summary>True when the text says one of the concepts; a pattern too slow to decide does not stop the category.</summary>
    public bool Stops(string text) => _concepts.Any(c => _said.Stops(c, text));

    /// <summary>
    /// True when sentence <paramref name="index"/> says one of the concepts, is a question after a question that does,
    /// or is a question followed by a statement that does.
    /// </summary>
    public bool Stops(int index) =>
        Stopped(index)
        || (index > 0 && _sentences[index - 1].IsQuestion && _sentences[index].IsQuestion && Stopped(index - 1))
        || (index + 1 < _sentences.Count && _sentences[index].IsQuestion && !_sentences[index + 1].IsQuestion && Stopped(index + 1));

    /// <summary>
    /// True when the signal is said in a sentence the concepts do not stop, or, said only across
    /// sentences, in a message where no sentence says a concept.
    /// </summary>
    /// <param name="read">What the signal reads of each sentence (negated statements taken out), in the same order.</param>
    /// <param name="saidIn">Whether the signal is said in one such text.</param>
    /// <param name="saidInMessage">Whether the signal is said across the sentences.</param>
    public bool Allows(IReadOnlyList<string> read, Func<string, bool> saidIn, Func<bool> saidInMessage)
    {
        if (IsEmpty)
        {
            return saidInMessage();
        }

        for (var i = 0; i < _sentences.Count; i++)
        {
            if (saidIn(read[i]) && !Stops(i))
            {
                return true;
            }
        }

        return saidInMessage() && !Enumerable.Range(0, _sentences.Count).Any(Stopped);
    }

    private bool Stopped(int index) =>
        !IsEmpty && (_stopped[index] ??= Stops(_sentences[index].Text) || (_otherSpelling is not null && Stops(_otherSpelling[index].Text)));
}
