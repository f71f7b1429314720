namespace ChatBot.Discord.Rendering;

/// <summary>Trimming and splitting of text to Discord's limits. Counts UTF-16 units, which over-counts, never under.</summary>
internal static class TextFit
{
    public const string Ellipsis = "…";

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters, at a word boundary when one is near.</summary>
    public static string Trim(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= Ellipsis.Length)
        {
            return max <= 0 ? "" : text[..max];
        }

        var cut = max - Ellipsis.Length;
        var space = text.LastIndexOfAny([' ', '\n'], cut - 1, Math.Min(cut, 80));
        if (space > 0)
        {
            cut = space;
        }

        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary><paramref name="text"/> as it is when it fits in <paramref name="max"/> characters, else <see cref="Trim"/>med.</summary>
    public static string Fit(string text, int max) => text.Length <= max ? text : Trim(text, max);

    /// <summary>Splits lines into chunks of at most <paramref name="max"/> characters without dropping any text.</summary>
    public static IReadOnlyList<string> Chunk(IEnumerable<string> lines, int max)
    {
        var chunks = new List<string>();
        var current = "";
        foreach (var line in lines.SelectMany(l => SplitLong(l, max)))
        {
            var candidate = current.Length == 0 ? line : current + "\n" + line;
            if (candidate.Length > max)
            {
                chunks.Add(current);
                current = line;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }

    private static IEnumerable<string> SplitLong(string line, int max)
    {
        while (line.Length > max)
        {
            var cut = line.LastIndexOf(' ', max - 1);
            cut = cut > max / 2 ? cut : max;
            if (char.IsHighSurrogate(line[cut - 1]))
            {
                cut--;
            }

            yield return line[..cut].TrimEnd();
            line = line[cut..].TrimStart();
        }

        yield return line;
    }
}
