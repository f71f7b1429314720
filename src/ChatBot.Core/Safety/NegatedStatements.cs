using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Safety;

/// <summary>
/// Takes negated statements out of a message before a category reads it: "never had kidney problems, never been
/// on meds" says nothing about kidneys or medicines, while "no meds except lithium" still names lithium. Each
/// concept's pattern matches a negation with the words it covers (its scope ends at a comma, "but", "except" and
/// the like), so the scope is written in <c>safety.yaml</c>, in every language, not here.
/// </summary>
internal static class NegatedStatements
{
    /// <summary>What a negated span becomes: a mark no pattern reads, so no sentence disappears with it.</summary>
    private const string Placeholder = " ¬ ";

    /// <summary>
    /// True when the text makes a negated statement. The embedding model reads "never had kidney problems" much
    /// as "kidney problems", so a clause that negates something cannot raise the category by its resemblance.
    /// </summary>
    public static bool Says(string text, IReadOnlyList<SafetyConcept> negations) =>
        negations.Count > 0 && !string.Equals(Remove(text, negations), text, StringComparison.Ordinal);

    /// <summary>The text with every span the concepts match blanked out; unchanged when there are none.</summary>
    public static string Remove(string text, IReadOnlyList<SafetyConcept> negations)
    {
        var affirmed = text;
        foreach (var pattern in negations.SelectMany(c => c.Patterns))
        {
            // Too slow to decide, a pattern keeps the words, so a possible red flag is still read.
            affirmed = PatternMatch.Replace(pattern, affirmed, Placeholder);
        }

        return affirmed;
    }
}
