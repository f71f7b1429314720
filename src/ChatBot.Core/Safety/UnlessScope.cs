using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Safety;

/// <summary>
/// Where a category's <c>unless</c> concepts stop it: in a sentence that says one, and in a question
/// that follows a question saying one ("What are the signs of too much? Muscle weakness, a slow
/// pulse?": the first question covers the examples it lists). A statement after it is not covered:
/// "Can people with kidney disease take it? I have CKD." is flagged. The same rule holds for every
/// signal of the category: patterns, combinations and the semantic comparison.
/// </summary>
internal sealed class UnlessScope
{
    private readonly IReadOnlyList<SafetyConcept> _concepts;
    private readonly IReadOnlyList<SafetySentences.Sentence> _sentences;
    private readonly bool[] _stopped;

    public UnlessScope(IReadOnlyList<SafetyConcept> concepts, IReadOnlyList<SafetySentences.Sentence> sentences)
    {
        _concepts = concepts;
        _sentences = sentences;
        _stopped = concepts.Count == 0 ? new bool[sentences.Count] : sentences.Select(s => Says(s.Text)).ToArray();
    }

    public bool IsEmpty => _concepts.Count == 0;

    /// <summary>True when the text says one of the concepts.</summary>
    public bool Says(string text) => _concepts.Any(c => c.Patterns.Any(p => PatternMatch.IsMatch(p, text)));

    /// <summary>True when sentence <paramref name="index"/> says one of the concepts, or is a question after a question that does.</summary>
    public bool Stops(int index) =>
        _stopped[index] || (index > 0 && _stopped[index - 1] && _sentences[index - 1].IsQuestion && _sentences[index].IsQuestion);

    /// <summary>
    /// True when the signal is said in a sentence the concepts do not stop, or, said only across
    /// sentences, in a message where no sentence says a concept.
    /// </summary>
    public bool Allows(Func<string, bool> saidIn, Func<bool> saidInMessage)
    {
        if (IsEmpty)
        {
            return saidInMessage();
        }

        for (var i = 0; i < _sentences.Count; i++)
        {
            if (!Stops(i) && saidIn(_sentences[i].Text))
            {
                return true;
            }
        }

        return !_stopped.Any(s => s) && saidInMessage();
    }
}
