using System.Text;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// Slack's control characters are <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>; escaping exactly these three in
/// text that is not ours makes <c>&lt;!channel&gt;</c>, <c>&lt;@U…&gt;</c> and link syntax inert.
/// </summary>
public static class SlackText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>Reverses Slack's inbound encoding and turns tokens into plain words, for the question sent to Core.</summary>
    public static string ToPlainQuestion(string? text, string? botUserId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('<', i);
            if (open < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }

            sb.Append(text, i, open - i);
            var close = text.IndexOf('>', open);
            if (close < 0)
            {
                sb.Append(text, open, text.Length - open);
                break;
            }

            var token = text[(open + 1)..close];
            var bar = token.IndexOf('|', StringComparison.Ordinal);
            var id = bar < 0 ? token : token[..bar];
            if (!(botUserId is not null && id == "@" + botUserId))
            {
                sb.Append(bar >= 0 ? token[(bar + 1)..] : token.TrimStart('@', '#', '!'));
            }

            i = close + 1;
        }

        return sb.ToString()
            .Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal)
            .Trim();
    }

    /// <summary>Cuts already-escaped text to at most <paramref name="max"/> chars with an ellipsis, never inside an entity or a surrogate pair.</summary>
    public static string Trim(string escaped, int max)
    {
        if (escaped.Length <= max)
        {
            return escaped;
        }

        if (max <= 1)
        {
            return max == 1 ? "…" : "";
        }

        var cut = SafeCut(escaped, max - 1);
        var space = escaped.LastIndexOf(' ', cut - 1, Math.Min(cut, 80));
        if (space > 0)
        {
            cut = space;
        }

        return escaped[..cut].TrimEnd() + "…";
    }

    /// <summary>The text's size as Slack counts it for an ephemeral message: UTF-8 bytes.</summary>
    public static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>
    /// Cuts already-escaped text to at most <paramref name="maxBytes"/> UTF-8 bytes with an ellipsis, the way
    /// <see cref="Trim"/> cuts to a number of chars (never inside an entity or a surrogate pair).
    /// </summary>
    public static string TrimToBytes(string escaped, int maxBytes)
    {
        if (Bytes(escaped) <= maxBytes)
        {
            return escaped;
        }

        if (maxBytes < Bytes("…"))
        {
            return "";
        }

        // The longest prefix that leaves room for the ellipsis (3 bytes), counted a whole code point at a time.
        var room = maxBytes - Bytes("…");
        var chars = 0;
        for (var used = 0; chars < escaped.Length;)
        {
            var width = char.IsHighSurrogate(escaped[chars]) && chars + 1 < escaped.Length ? 2 : 1;
            used += Encoding.UTF8.GetByteCount(escaped.AsSpan(chars, width));
            if (used > room)
            {
                break;
            }

            chars += width;
        }

        return Trim(escaped, chars + 1);
    }

    /// <summary>Splits already-escaped text into pieces of at most <paramref name="max"/> chars, preferring line and word breaks.</summary>
    public static IReadOnlyList<string> Chunk(string escaped, int max)
    {
        var pieces = new List<string>();
        var rest = escaped;
        while (rest.Length > max)
        {
            var cut = SafeCut(rest, max);
            var nl = rest.LastIndexOf('\n', cut - 1, Math.Min(cut, 400));
            var sp = rest.LastIndexOf(' ', cut - 1, Math.Min(cut, 200));
            cut = nl > 0 ? nl : sp > 0 ? sp : cut;
            pieces.Add(rest[..cut]);
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(rest);
        }

        return pieces;
    }

    private static int SafeCut(string text, int cut)
    {
        if (cut < text.Length && char.IsLowSurrogate(text[cut]) && cut > 0)
        {
            cut--;
        }

        // Never split an entity such as "&amp;" (longest is 5 chars).
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && text.IndexOf(';', amp) is var semi && semi >= cut && semi - amp <= 4)
        {
            cut = amp;
        }

        return Math.Max(cut, 1);
    }
}
