using ChatBot.Core.Replies;

namespace ChatBot.Discord.Rendering;

/// <summary>
/// One embed per reply, walking its sections in Core's order: title = matched question; description = safety
/// guidance, the bot's message, the choices and the answer; fields for the quotes, evidence, caveats and doctor
/// advice. Only trimmable sections give way to Discord's limits: trimmable fields are dropped first (quotes
/// before evidence), then the trimmable description text is shortened.
/// </summary>
internal static class EmbedRenderer
{
    private const int MaxCitations = 3;
    private const int SafetyColor = 0xE67E22;
    private const int AnswerColor = 0x5865F2;

    public static EmbedPayload Render(Reply reply)
    {
        var title = ReplyParts.Title(reply) is { } t ? TextFit.Trim(t, DiscordLimits.EmbedTitle) : null;
        var footer = reply.KnowledgeVersion.Length > 0 ? new EmbedFooterPayload(TextFit.Trim($"FAQ knowledge {reply.KnowledgeVersion} · not medical advice", DiscordLimits.FooterText)) : null;
        var description = new List<RenderedPart>();
        var fields = new List<(EmbedFieldPayload Field, bool IsFixed)>();
        foreach (var section in reply.Sections)
        {
            switch (section.Kind)
            {
                case ReplySectionKind.SafetyGuidance:
                    description.Add(new RenderedPart(ReplyParts.Safety(reply), section.Fit));
                    break;
                case ReplySectionKind.Message:
                    description.Add(new RenderedPart(reply.Message, section.Fit));
                    break;
                case ReplySectionKind.Choices:
                    description.Add(new RenderedPart(ReplyParts.Choices(reply), section.Fit));
                    break;
                case ReplySectionKind.Answer:
                    description.Add(new RenderedPart(reply.Answer, section.Fit));
                    break;
                case ReplySectionKind.Quotes:
                    fields.AddRange(reply.Citations.Take(MaxCitations).Select(c => (new EmbedFieldPayload("Source", ReplyParts.Source(c, DiscordLimits.FieldValue)), section.IsFixed)));
                    break;
                case ReplySectionKind.Evidence:
                    fields.Add((new EmbedFieldPayload("Evidence", TextFit.Trim(reply.Evidence, DiscordLimits.FieldValue), true), section.IsFixed));
                    break;
                case ReplySectionKind.Caveats:
                    fields.AddRange(Split("Caveats", ReplyParts.CaveatLines(reply)).Select(f => (f, section.IsFixed)));
                    break;
                case ReplySectionKind.DoctorAdvice:
                    fields.AddRange(Split("See a doctor", [reply.DoctorAdvice]).Select(f => (f, section.IsFixed)));
                    break;
            }
        }

        // Drop trimmable fields, first first, until the rest fit the field count and leave room for the description.
        var fixedSize = Size(title) + Size(footer?.Text) + description.Where(p => p.IsFixed).Sum(p => p.Text.Length);
        while (fields.Any(f => !f.IsFixed) && (fields.Count > DiscordLimits.EmbedFields || fixedSize + fields.Sum(f => Size(f.Field)) > DiscordLimits.EmbedTotal - 200))
        {
            fields.RemoveAt(fields.FindIndex(f => !f.IsFixed));
        }

        var room = Math.Min(DiscordLimits.EmbedDescription, DiscordLimits.EmbedTotal - Size(title) - Size(footer?.Text) - fields.Sum(f => Size(f.Field)));
        var text = SectionFitting.Join(description, "\n\n", room, TextFit.Fit);
        return new EmbedPayload(
            title,
            text.Length > 0 ? TextFit.Trim(text, DiscordLimits.EmbedDescription) : null,
            reply.Safety.Count > 0 ? SafetyColor : AnswerColor,
            fields.Select(f => f.Field).ToArray(),
            footer);
    }

    /// <summary>Total characters Discord counts for an embed.</summary>
    public static int Size(EmbedPayload embed) =>
        Size(embed.Title) + Size(embed.Description) + Size(embed.Footer?.Text) + (embed.Fields?.Sum(Size) ?? 0);

    private static int Size(EmbedFieldPayload field) => field.Name.Length + field.Value.Length;

    private static int Size(string? text) => text?.Length ?? 0;

    private static IEnumerable<EmbedFieldPayload> Split(string name, IEnumerable<string> lines) =>
        TextFit.Chunk(lines, DiscordLimits.FieldValue).Select((chunk, i) => new EmbedFieldPayload(i == 0 ? name : $"{name} (continued)", chunk));
}
