using System.Text;
using ChatBot.Core.Replies;

namespace ChatBot.Discord.Rendering;

/// <summary>The plain-content form of a reply (≤ 2000 characters): the answer and quotes shrink, nothing else.</summary>
internal static class PlainRenderer
{
    public static string Render(Reply reply)
    {
        var head = new StringBuilder();
        var lead = ReplyParts.Lead(reply);
        if (lead.Length > 0)
        {
            head.Append(lead).Append("\n\n");
        }

        var tail = new StringBuilder();
        if (reply.Evidence.Length > 0)
        {
            tail.Append("Evidence: ").Append(reply.Evidence).Append('\n');
        }

        tail.Append("Caveats:\n").AppendJoin('\n', ReplyParts.CaveatLines(reply)).Append('\n');
        tail.Append("See a doctor: ").Append(reply.DoctorAdvice);

        var title = ReplyParts.Title(reply) is { } t && reply.Answer.Length > 0 ? $"**{TextFit.Trim(t, 200)}**\n" : "";
        var sources = reply.Citations.Take(2).Select(c => "Source: " + ReplyParts.Source(c, 300) + "\n").ToList();
        var fixedSize = head.Length + tail.Length + title.Length;
        while (sources.Count > 0 && fixedSize + sources.Sum(s => s.Length) > DiscordLimits.Content - 300)
        {
            sources.RemoveAt(sources.Count - 1);
        }

        var answerBudget = DiscordLimits.Content - fixedSize - sources.Sum(s => s.Length) - 2;
        var answer = reply.Answer.Length > 0 ? title + TextFit.Trim(reply.Answer, Math.Max(0, answerBudget - title.Length)) + "\n\n" : "";
        var text = head + answer + string.Concat(sources) + tail;
        return TextFit.Trim(text, DiscordLimits.Content);
    }
}
