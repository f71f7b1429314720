using System.Text.RegularExpressions;

namespace ChatBot.Core.Safety;

/// <summary>
/// A pattern without the lookbehinds that open its alternatives: a cheap first test that never misses a match of the
/// whole. A lookbehind that opens a pattern is tried at every position of the text, and one that looks back over a
/// sentence ("(?&lt;!kids?[^.?!]{0,200})") makes a long run-on message cost its length squared (a 3,000-character
/// message took about 0.8 s in one pattern). Without it, the engine scans for the pattern's first words and runs the
/// whole pattern only where they occur, so the answer is the same and most messages never pay for the lookbehind.
/// </summary>
internal static class PatternCore
{
    /// <summary>The pattern with every opening lookbehind of its top-level alternatives removed; null when it has none.</summary>
    public static Regex? Of(Regex pattern)
    {
        var text = pattern.ToString();
        if (!text.Contains("(?<", StringComparison.Ordinal) || (pattern.Options & RegexOptions.IgnorePatternWhitespace) != 0)
        {
            return null;
        }

        var alternatives = TopLevelAlternatives(text);
        if (alternatives is null)
        {
            return null;
        }

        var stripped = alternatives.Select(StripLeadingLookbehinds).ToArray();
        if (stripped.Any(a => a.Length == 0) || stripped.SequenceEqual(alternatives, StringComparer.Ordinal))
        {
            return null;
        }

        try
        {
            return new Regex(string.Join('|', stripped), pattern.Options, pattern.MatchTimeout);
        }
        catch (ArgumentException)
        {
            // A group number a backreference relied on moved: no first test for this pattern.
            return null;
        }
    }

    private static string StripLeadingLookbehinds(string alternative)
    {
        var start = 0;
        while (alternative.AsSpan(start).StartsWith("(?<!") || alternative.AsSpan(start).StartsWith("(?<="))
        {
            var next = Next(alternative, start);
            if (next < 0)
            {
                return alternative;
            }

            start = next;
        }

        return alternative[start..];
    }

    /// <summary>The alternatives at depth zero, or null for a pattern whose brackets do not balance (left as it is).</summary>
    private static List<string>? TopLevelAlternatives(string pattern)
    {
        var alternatives = new List<string>();
        var start = 0;
        for (var i = 0; i < pattern.Length; i = Next(pattern, i))
        {
            if (i < 0)
            {
                return null;
            }

            if (pattern[i] == '|')
            {
                alternatives.Add(pattern[start..i]);
                start = i + 1;
            }
        }

        alternatives.Add(pattern[start..]);
        return alternatives;
    }

    /// <summary>
    /// The index after the element at <paramref name="i"/> read as one: an escaped character, a character class, or a
    /// whole group up to its closing parenthesis; -1 when a class or group does not close.
    /// </summary>
    private static int Next(string pattern, int i)
    {
        switch (pattern[i])
        {
            case '\\':
                return Math.Min(i + 2, pattern.Length);
            case '[':
                var end = ClassEnd(pattern, i);
                return end < 0 ? -1 : end + 1;
            case '(':
                for (var j = i + 1; j < pattern.Length; j = Next(pattern, j))
                {
                    if (j < 0)
                    {
                        return -1;
                    }

                    if (pattern[j] == ')')
                    {
                        return j + 1;
                    }
                }

                return -1;
            default:
                return i + 1;
        }
    }

    /// <summary>The index of the bracket that closes a character class (a first ']' is literal, as is an escaped one).</summary>
    private static int ClassEnd(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }
}
