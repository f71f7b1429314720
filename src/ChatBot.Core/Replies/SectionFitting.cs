namespace ChatBot.Core.Replies;

/// <summary>How renderers fit a reply's text into a platform limit without ever shortening a fixed section.</summary>
public static class SectionFitting
{
    /// <summary>
    /// Joins the parts, in order, with <paramref name="separator"/>. Fixed parts are kept whole; trimmable ones
    /// share the room the fixed ones leave under <paramref name="max"/>, first come first served, each shortened
    /// by <paramref name="trim"/> (text, most characters) to what is left, or left out when nothing is. Only
    /// fixed parts longer than <paramref name="max"/> together can make the result longer.
    /// </summary>
    public static string Join(IEnumerable<RenderedPart> parts, string separator, int max, Func<string, int, string> trim) =>
        Join(parts, separator, max, trim, Chars);

    /// <summary>
    /// As <see cref="Join(IEnumerable{RenderedPart}, string, int, Func{string, int, string})"/>, for a limit that
    /// is not in characters: <paramref name="measure"/> sizes every text (say, in UTF-8 bytes), and
    /// <paramref name="trim"/> shortens a text to at most that size.
    /// </summary>
    public static string Join(IEnumerable<RenderedPart> parts, string separator, int max, Func<string, int, string> trim, Func<string, int> measure)
    {
        ArgumentNullException.ThrowIfNull(separator);
        ArgumentNullException.ThrowIfNull(trim);
        ArgumentNullException.ThrowIfNull(measure);
        var present = parts.Where(p => p.Text.Length > 0).ToList();
        var room = max - FixedSize(present, separator, measure);
        var kept = new List<string>(present.Count);
        foreach (var part in present)
        {
            if (part.IsFixed)
            {
                kept.Add(part.Text);
                continue;
            }

            var text = room > 0 ? trim(part.Text, room) : "";
            if (text.Length == 0)
            {
                // Left out: the separator it would have needed is free again.
                room += measure(separator);
                continue;
            }

            room -= measure(text);
            kept.Add(text);
        }

        return string.Join(separator, kept);
    }

    /// <summary>
    /// What the fixed parts take, with a separator between every two parts: a <see cref="Join(IEnumerable{RenderedPart}, string, int, Func{string, int, string}, Func{string, int})"/>
    /// within this plus <c>n</c> leaves the trimmable parts <c>n</c> together.
    /// </summary>
    public static int FixedSize(IEnumerable<RenderedPart> parts, string separator, Func<string, int> measure)
    {
        ArgumentNullException.ThrowIfNull(separator);
        ArgumentNullException.ThrowIfNull(measure);
        var present = parts.Where(p => p.Text.Length > 0).ToList();
        return present.Where(p => p.IsFixed).Sum(p => measure(p.Text)) + (measure(separator) * Math.Max(0, present.Count - 1));
    }

    private static int Chars(string text) => text.Length;
}
