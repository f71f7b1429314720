using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// A red-flag category from <c>knowledge/safety.yaml</c>: its guidance, the doctor line that fits it,
/// the precise patterns, the combinations of concepts, and the example and look-alike phrasings the semantic signal compares with.
/// </summary>
public sealed record SafetyCategory(
    string Id,
    string Label,
    SafetyAction Action,
    string Message,
    IReadOnlyList<Regex> Patterns)
{
    /// <summary>Replaces bot.yaml's doctor advice when this is the reply's first flag; empty keeps it.</summary>
    public string DoctorAdvice { get; init; } = "";

    /// <summary>
    /// Concepts that keep this category from firing in a sentence that says them, or the sentence after:
    /// a symptom named in a general question, an idiom, a denial ("I'm not on any meds"), something long
    /// past, an adult's age. They stop every signal: patterns, combinations (which may name more of their
    /// own) and the semantic comparison.
    /// </summary>
    public IReadOnlyList<SafetyConcept> Unless { get; init; } = [];

    /// <summary>
    /// <c>Unless</c> concepts that stop nothing, neither the category nor any of its combinations, in a message that
    /// says what overrules them.
    /// </summary>
    public IReadOnlyList<SafetyOverrule> Overruled { get; init; } = [];

    /// <summary>
    /// Concepts that match a negated statement with its scope ("never had kidney problems", "not on SSRIs or
    /// anything", "薬も飲んでいません"): the words they cover are taken out of what this category's patterns and
    /// combinations read, so the rest of the sentence still counts ("no meds except lithium").
    /// </summary>
    public IReadOnlyList<SafetyConcept> NegatedBy { get; init; } = [];

    /// <summary>Concepts that raise this flag when all are said in one sentence.</summary>
    public IReadOnlyList<SafetyCombination> Combinations { get; init; } = [];

    /// <summary>Ways people say this red flag; a message close enough to one raises the flag.</summary>
    public IReadOnlyList<SafetyPhrase> Examples { get; init; } = [];

    /// <summary>Harmless messages that look like this red flag; a message closer to one of these does not fire.</summary>
    public IReadOnlyList<SafetyPhrase> NotExamples { get; init; } = [];

    /// <summary>Similarity to an example at or above which the semantic signal fires.</summary>
    public double Threshold { get; init; } = SafetyDefaults.Threshold;

    /// <summary>
    /// Whether a message in another language, read through the glossary, may raise the category by resemblance
    /// (<c>glossary: false</c> leaves it to the patterns there).
    /// </summary>
    public bool ByGlossary { get; init; } = true;

    /// <summary>How much closer to an example than to the nearest look-alike a message must be.</summary>
    public double Margin { get; init; } = SafetyDefaults.Margin;
}
