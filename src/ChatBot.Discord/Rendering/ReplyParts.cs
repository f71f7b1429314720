using ChatBot.Core.Replies;

namespace ChatBot.Discord.Rendering;

/// <summary>How each section of a reply reads in Discord; which sections there are, in what order, and which may be trimmed is Core's (<see cref="Reply.Sections"/>).</summary>
internal static class ReplyParts
{
    /// <summary>The red flags' guidance, urgent first, one paragraph each.</summary>
    public static string Safety(Reply reply) =>
        string.Join("\n\n", ReplySections.SafetyInOrder(reply).Select(n => $"⚠️ **{n.Label}**: {n.Message}"));

    /// <summary>The clarify choices, one paragraph each.</summary>
    public static string Choices(Reply reply) => string.Join("\n\n", reply.Choices.Select(c => $"• {c.Question}"));

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
