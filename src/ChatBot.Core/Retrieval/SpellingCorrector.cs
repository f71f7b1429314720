using System.Text.RegularExpressions;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Corrects misspelled words towards the words the FAQ itself uses ("magnesuim", "threonite", "glycinte",
/// "reslts"), before a question is embedded or scored, so the model sees what was meant. Conservative:
/// only words of at least five letters, only towards words of at least five letters that start with the
/// same letter, one edit for short words and two for long ones, and a word the FAQ knows, or any word of ordinary
/// English (<see cref="EnglishWords"/>), is never changed.
/// </summary>
public sealed partial class SpellingCorrector
{
    private const int MinimumLength = 5;

    private readonly HashSet<string> _known;
    private readonly Dictionary<char, string[]> _targets;

    private readonly IReadOnlySet<string> _words;

    /// <param name="knownTexts">The FAQ's texts: their words are the targets of corrections.</param>
    /// <param name="words">Words that are never corrected though the FAQ does not use them; ordinary English by default.</param>
    public SpellingCorrector(IEnumerable<string> knownTexts, IReadOnlySet<string>? words = null)
    {
        _words = words ?? EnglishWords.All;
        _known = knownTexts.SelectMany(t => Word().Matches(t.ToLowerInvariant()).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        _targets = _known.Where(w => w.Length >= MinimumLength)
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.OrderBy(w => w, StringComparer.Ordinal).ToArray());
    }

    public string Correct(string text) => Word().Replace(text, m => CorrectWord(m.Value));

    private string CorrectWord(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length < MinimumLength || _known.Contains(lower) || _words.Contains(lower) || !_targets.TryGetValue(lower[0], out var candidates))
        {
            return word;
        }

        var allowed = lower.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - lower.Length) > allowed)
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
