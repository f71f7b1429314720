using System.Text.RegularExpressions;

namespace ChatBot.Core.Replies;

/// <summary>
/// Defuses anything that could ping people, whatever its origin (FAQ edit, bot text): Discord
/// @everyone/@here and &lt;@…&gt;/&lt;@&amp;…&gt; mentions, Slack &lt;!channel&gt;/&lt;!here&gt;/&lt;!subteam^…&gt;.
/// Adapters harden again in their send paths; this keeps Core's own text clean for every platform.
/// </summary>
public static partial class MassMentionGuard
{
    public static string Defuse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = PlatformMention().Replace(text, "");
        return AtMention().Replace(text, "@\u200B$1");
    }

    public static bool ContainsMention(string text) => PlatformMention().IsMatch(text) || AtMention().IsMatch(text);

    [GeneratedRegex(@"<\s*[!@#][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex PlatformMention();

    [GeneratedRegex(@"@(everyone|here|channel)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtMention();
}
