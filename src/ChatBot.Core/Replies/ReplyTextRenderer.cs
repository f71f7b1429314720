using System.Text;

namespace ChatBot.Core.Replies;

/// <summary>The plain-text form of a reply: what the console shows and what adapters use as fallback text.</summary>
public static class ReplyTextRenderer
{
    public static string Render(Reply reply)
    {
        var text = new StringBuilder();
        foreach (var notice in reply.Safety.Where(s => s.Urgent).Concat(reply.Safety.Where(s => !s.Urgent)))
        {
            text.Append("⚠ ").Append(notice.Label).Append(": ").AppendLine(notice.Message).AppendLine();
        }

        if (reply.Message.Length > 0)
        {
            text.AppendLine(reply.Message).AppendLine();
        }

        foreach (var choice in reply.Choices)
        {
            text.Append("  • ").AppendLine(choice.Question);
        }

        if (reply.Choices.Count > 0)
        {
            text.AppendLine();
        }

        if (reply.Answer.Length > 0)
        {
            if (reply.Title is not null)
            {
                text.AppendLine(reply.Title);
            }

            text.AppendLine(reply.Answer).AppendLine();
        }

        foreach (var citation in reply.Citations)
        {
            text.Append("Source: \"").Append(citation.Quote).Append("\" — ").Append(citation.SourceTitle);
            text.Append(citation.Location.Length > 0 ? $", {citation.Location}" : "").AppendLine();
        }

        if (reply.Evidence.Length > 0)
        {
            text.Append("Evidence: ").AppendLine(reply.Evidence);
        }

        text.AppendLine("Caveats:");
        foreach (var caveat in reply.Caveats)
        {
            text.Append("  - ").AppendLine(caveat);
        }

        text.Append("See a doctor: ").AppendLine(reply.DoctorAdvice);
        if (reply.Related.Count > 0)
        {
            text.Append("Related: ").AppendLine(string.Join(" | ", reply.Related.Select(r => r.Question)));
        }

        return text.ToString().TrimEnd();
    }
}
