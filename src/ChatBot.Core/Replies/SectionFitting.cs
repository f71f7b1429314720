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
    public static string Join(IEnumerable<RenderedPart> parts, string separator, int max, Func<string, int, string> trim)
    {
        ArgumentNullException.ThrowIfNull(separator);
        ArgumentNullException.ThrowIfNull(trim);
        var present = parts.Where(p => p.Text.Length > 0).ToList();
        var room = max - present.Where(p => p.IsFixed).Sum(p => p.Text.Length) - (separator.Length * Math.Max(0, present.Count - 1));
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
                room += separator.Length;
                continue;
            }

            room -= text.Length;
            kept.Add(text);
        }

        return string.Join(separator, kept);
    }
}
