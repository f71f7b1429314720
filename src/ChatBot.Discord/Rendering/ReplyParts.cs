using ChatBot.Core.Replies;

namespace ChatBot.Discord.Rendering;

/// <summary>The texts of a reply, split into what may be trimmed (answer, quotes) and what may not.</summary>
internal static class ReplyParts
{
    /// <summary>Safety guidance (urgent first), the bot's own message and any clarify choices. Never trimmed.</summary>
    public static string Lead(Reply reply)
    {
        var lines = new List<string>();
        foreach (var notice in reply.Safety.OrderByDescending(s => s.Urgent))
        {
            lines.Add($"⚠️ **{notice.Label}**: {notice.Message}");
        }

        if (reply.Message.Length > 0)
        {
            lines.Add(reply.Message);
        }

        lines.AddRange(reply.Choices.Select(c => $"• {c.Question}"));
        return string.Join("\n\n", lines);
    }

    public static IEnumerable<string> CaveatLines(Reply reply) => reply.Caveats.Select(c => $"• {c}");

    public static string Source(Citation citation, int max)
    {
        var tail = $" — {citation.SourceTitle}" + (citation.Location.Length > 0 ? $", {citation.Location}" : "");
        if (tail.Length > max / 2)
        {
            tail = TextFit.Trim(tail, max / 2);
        }

        return $"“{TextFit.Trim(citation.Quote, max - tail.Length - 2)}”{tail}";
    }

    public static string? Title(Reply reply) => reply.Title ?? reply.Outcome switch
    {
        ReplyOutcome.Safety => "Safety first",
        ReplyOutcome.Clarify => "Which question did you mean?",
        ReplyOutcome.NoAnswer => "Not covered by the FAQ",
        _ => null,
    };
}
