using System.Text.RegularExpressions;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Corrects misspelled words towards the words the FAQ itself uses ("magnesuim", "threonite", "glycinte",
/// "reslts"), before a question is embedded or scored, so the model sees what was meant. Conservative:
/// only words of at least five letters, only towards words of at least five letters that start with the
/// same letter, one edit for short words and two for long ones, and any word of ordinary English
/// (<see cref="EnglishWords"/>) is never changed. A word the FAQ knows is kept too, unless it is a rare spelling of a word
/// the FAQ uses far more often: alternates teach typos ("how much magteine shoud i take"), and they should not stop
/// "threonite" from being read as the "threonate" the rest of the FAQ says.
/// </summary>
public sealed partial class SpellingCorrector
{
    private const int MinimumLength = 5;

    /// <summary>How many times more often the FAQ must use a spelling before a rarer known one within reach is read as it.</summary>
    private const int Dominance = 10;

    private readonly Dictionary<string, int> _counts;
    private readonly Dictionary<char, string[]> _targets;

    private readonly IReadOnlySet<string> _words;

    /// <param name="knownTexts">The FAQ's texts: their words are the targets of corrections.</param>
    /// <param name="words">Words that are never corrected though the FAQ does not use them; ordinary English by default.</param>
    public SpellingCorrector(IEnumerable<string> knownTexts, IReadOnlySet<string>? words = null)
    {
        _words = words ?? EnglishWords.All;
        _counts = knownTexts.SelectMany(t => Word().Matches(t.ToLowerInvariant()).Select(m => m.Value))
            .CountBy(w => w, StringComparer.Ordinal)
            .ToDictionary(StringComparer.Ordinal);
        _targets = _counts.Keys.Where(w => w.Length >= MinimumLength)
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.OrderBy(w => w, StringComparer.Ordinal).ToArray());
    }

    public string Correct(string text) => Word().Replace(text, m => CorrectWord(m.Value));

    private string CorrectWord(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length < MinimumLength || _words.Contains(lower) || !_targets.TryGetValue(lower[0], out var candidates))
        {
            return word;
        }

        // A known spelling yields only to one used far more often.
        var needed = _counts.TryGetValue(lower, out var count) ? count * Dominance : 0;

        var allowed = lower.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - lower.Length) > allowed || candidate == lower || _counts[candidate] < needed)
            {
                continue;
            }

            var distance = EditDistance(lower, candidate, allowed);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best ?? word;
    }

    /// <summary>
    /// Optimal-string-alignment distance (Levenshtein plus swapped neighbours, the commonest typo), stopping
    /// once it exceeds <paramref name="limit"/>. Written here because the Levenshtein packages on our feed
    /// count a swap as two edits.
    /// </summary>
    private static int EditDistance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"[a-z]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
