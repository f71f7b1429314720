using System.Text.RegularExpressions;

namespace ChatBot.Discord.Handling;

/// <summary>Finds the bot's mention in message text (outside quotes) and strips mention tokens from the question.</summary>
internal static partial class MentionParser
{
    /// <summary>True when <c>&lt;@id&gt;</c>, <c>&lt;@!id&gt;</c> or a managed-role mention appears outside quoted lines and code.</summary>
    public static bool MentionsOutsideQuotes(string content, string botId, Func<string, bool> isBotRole)
    {
        foreach (var line in Unquoted(content))
        {
            foreach (Match match in Mention().Matches(line))
            {
                var isRole = match.Groups["kind"].Value == "&";
                var id = match.Groups["id"].Value;
                if ((!isRole && id == botId) || (isRole && isBotRole(id)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The question: the text with every user/role mention token removed.</summary>
    public static string Question(string content) => Mention().Replace(content, " ").Trim();

    private static IEnumerable<string> Unquoted(string content)
    {
        var withoutCode = CodeBlock().Replace(content, "");
        return withoutCode.Split('\n').Where(line => !line.TrimStart().StartsWith('>'));
    }

    [GeneratedRegex(@"<@(?<kind>[!&]?)(?<id>\d{1,20})>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"```.*?```|`[^`]*`", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CodeBlock();
}
