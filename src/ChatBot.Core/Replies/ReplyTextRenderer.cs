using System.Text;

namespace ChatBot.Core.Replies;

/// <summary>The plain-text form of a reply, section by section: what the console shows and what adapters use as fallback text.</summary>
public static class ReplyTextRenderer
{
    public static string Render(Reply reply)
    {
        var text = new StringBuilder();
        foreach (var section in reply.Sections)
        {
            Append(text, reply, section.Kind);
        }

        return text.ToString().TrimEnd();
    }

    private static void Append(StringBuilder text, Reply reply, ReplySectionKind kind)
    {
        switch (kind)
        {
            case ReplySectionKind.SafetyGuidance:
                foreach (var notice in ReplySections.SafetyInOrder(reply))
                {
                    text.Append("⚠ ").Append(notice.Label).Append(": ").AppendLine(notice.Message).AppendLine();
                }

                break;
            case ReplySectionKind.Message:
                text.AppendLine(reply.Message).AppendLine();
                break;
            case ReplySectionKind.Choices:
                foreach (var choice in reply.Choices)
                {
                    text.Append("  • ").AppendLine(choice.Question);
                }

                text.AppendLine();
                break;
            case ReplySectionKind.Answer:
                if (reply.Title is not null)
                {
                    text.AppendLine(reply.Title);
                }

                text.AppendLine(reply.Answer).AppendLine();
                break;
            case ReplySectionKind.Quotes:
                foreach (var citation in reply.Citations)
                {
                    text.Append("Source: \"").Append(citation.Quote).Append("\" — ").Append(citation.SourceTitle);
                    text.Append(citation.Location.Length > 0 ? $", {citation.Location}" : "").AppendLine();
                }

                break;
            case ReplySectionKind.Evidence:
                text.Append("Evidence: ").AppendLine(reply.Evidence);
                break;
            case ReplySectionKind.Caveats:
                text.AppendLine("Caveats:");
                foreach (var caveat in reply.Caveats)
                {
                    text.Append("  - ").AppendLine(caveat);
                }

                break;
            case ReplySectionKind.DoctorAdvice:
                text.Append("See a doctor: ").AppendLine(reply.DoctorAdvice);
                break;
            case ReplySectionKind.Related:
                text.Append("Related: ").AppendLine(string.Join(" | ", reply.Related.Select(r => r.Question)));
                break;
        }
    }
}
