using System.Text.RegularExpressions;

namespace ChatBot.Core.Safety;

/// <summary>
/// What the semantic signal reads of a message: a short one whole; a long one whole (up to the model's
/// reach) and clause by clause, since a red flag buried mid-story is diluted in the whole.
/// </summary>
public static partial class SafetyClauses
{
    /// <summary>Messages at least this long are also read clause by clause.</summary>
    public const int LongMessage = 120;

    /// <summary>How much closer than a whole message a single clause must come to an example to fire.</summary>
    public const double ClauseThresholdBoost = 0.05;

    private const int MaxClauses = 8;
    private const int MaxWholeLength = 600;
    private const int MinClauseLength = 12;

    public static IReadOnlyList<string> Of(string cleanedText)
    {
        if (cleanedText.Length < LongMessage)
        {
            return cleanedText.Length == 0 ? [] : [cleanedText];
        }

        var whole = cleanedText.Length <= MaxWholeLength ? cleanedText : cleanedText[..MaxWholeLength];
        var clauses = ClauseEnd().Split(cleanedText)
            .Select(c => c.Trim())
            .Where(c => c.Length >= MinClauseLength)
            .Select(c => c.Length <= MaxWholeLength ? c : c[..MaxWholeLength])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        // The last clauses first: people put what matters at the end, and a cap must not drop it.
        return clauses.Length <= 1 ? [whole] : [whole, .. clauses.Reverse().Take(MaxClauses).Reverse()];
    }

    [GeneratedRegex(@"(?<=[.!?。！？;；])\s*|\s+(?:but|and then|so now|because|though)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseEnd();
}
