using ChatBot.Core.Replies;

namespace ChatBot.Discord.Rendering;

/// <summary>
/// The plain-content form of a reply (≤ 2000 characters), walking its sections in Core's order. When the text
/// runs out of room, trimmable sections give way, never fixed ones: quotes are dropped (last first) while the
/// rest leaves the answer under <see cref="AnswerReserve"/> characters, then the answer is shortened to fit,
/// then any other trimmable text that still does not fit.
/// </summary>
internal static class PlainRenderer
{
    private const int MaxCitations = 2;
    private const int AnswerReserve = 300;
    private const int MaxTitle = 200;

    /// <summary>The characters the fixed sections and the title of <paramref name="reply"/> take, before any fitting.</summary>
    public static int FixedLength(Reply reply) =>
        Parts(reply).Where(p => p.Section.IsFixed).Sum(p => p.Text.Length) + (ReplyParts.Title(reply) is { } t ? Math.Min(t.Length, MaxTitle) + 5 : 0);

    public static string Render(Reply reply)
    {
        var parts = Parts(reply);
        var answer = parts.FindIndex(p => p.Section.Kind == ReplySectionKind.Answer);
        var title = answer >= 0 && ReplyParts.Title(reply) is { } t ? $"**{TextFit.Trim(t, MaxTitle)}**\n" : "";
        while (title.Length + parts.Sum(p => p.Text.Length) > DiscordLimits.Content - AnswerReserve
            && parts.FindLastIndex(p => p.Section.Kind == ReplySectionKind.Quotes && !p.Section.IsFixed) is var quote and >= 0)
        {
            parts.RemoveAt(quote);
        }

        answer = parts.FindIndex(p => p.Section.Kind == ReplySectionKind.Answer);
        if (answer >= 0)
        {
            var room = DiscordLimits.Content - parts.Sum(p => p.Text.Length) - title.Length - 2;
            var body = parts[answer].Section.IsFixed ? reply.Answer : TextFit.Trim(reply.Answer, Math.Max(0, room));
            parts[answer] = (parts[answer].Section, title + body + "\n\n");
        }

        // Should fixed sections and the bot's own texts still not fit, the other trimmable sections give way too.
        var text = SectionFitting.Join(parts.Select(p => new RenderedPart(p.Text, p.Section.Fit)), "", DiscordLimits.Content, TextFit.Fit);
        return TextFit.Trim(text, DiscordLimits.Content);
    }

    private static List<(ReplySection Section, string Text)> Parts(Reply reply)
    {
        var parts = new List<(ReplySection Section, string Text)>();
        foreach (var section in reply.Sections)
        {
            switch (section.Kind)
            {
                case ReplySectionKind.SafetyGuidance:
                    parts.Add((section, ReplyParts.Safety(reply) + "\n\n"));
                    break;
                case ReplySectionKind.Message:
                    parts.Add((section, reply.Message + "\n\n"));
                    break;
                case ReplySectionKind.Choices:
                    parts.Add((section, ReplyParts.Choices(reply) + "\n\n"));
                    break;
                case ReplySectionKind.Answer:
                    parts.Add((section, ""));
                    break;
                case ReplySectionKind.Quotes:
                    parts.AddRange(reply.Citations.Take(MaxCitations).Select(c => (section, "Source: " + ReplyParts.Source(c, 300) + "\n")));
                    break;
                case ReplySectionKind.Evidence:
                    parts.Add((section, "Evidence: " + reply.Evidence + "\n"));
                    break;
                case ReplySectionKind.Caveats:
                    parts.Add((section, "Caveats:\n" + string.Join('\n', ReplyParts.CaveatLines(reply)) + "\n"));
                    break;
                case ReplySectionKind.DoctorAdvice:
                    parts.Add((section, "See a doctor: " + reply.DoctorAdvice));
                    break;
            }
        }

        return parts;
    }
}
