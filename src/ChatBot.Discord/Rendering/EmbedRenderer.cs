using ChatBot.Core.Replies;

namespace ChatBot.Discord.Rendering;

/// <summary>
/// One embed per reply: title = matched question, description = guidance + answer, fields for the
/// source, evidence, caveats and doctor advice. Only the answer and source quotes are ever shortened.
/// </summary>
internal static class EmbedRenderer
{
    private const int MaxCitations = 3;
    private const int SafetyColor = 0xE67E22;
    private const int AnswerColor = 0x5865F2;

    public static EmbedPayload Render(Reply reply)
    {
        var title = ReplyParts.Title(reply) is { } t ? TextFit.Trim(t, DiscordLimits.EmbedTitle) : null;
        var lead = ReplyParts.Lead(reply);
        var footer = reply.KnowledgeVersion.Length > 0 ? new EmbedFooterPayload(TextFit.Trim($"FAQ knowledge {reply.KnowledgeVersion} · not medical advice", DiscordLimits.FooterText)) : null;

        var fixedFields = new List<EmbedFieldPayload>();
        fixedFields.AddRange(Split("Caveats", ReplyParts.CaveatLines(reply)));
        fixedFields.AddRange(Split("See a doctor", [reply.DoctorAdvice]));

        var optional = new List<EmbedFieldPayload>();
        optional.AddRange(reply.Citations.Take(MaxCitations).Select(c => new EmbedFieldPayload("Source", ReplyParts.Source(c, DiscordLimits.FieldValue))));
        if (reply.Evidence.Length > 0)
        {
            optional.Add(new EmbedFieldPayload("Evidence", TextFit.Trim(reply.Evidence, DiscordLimits.FieldValue), true));
        }

        // Drop optional fields (sources first) until the fixed parts fit in the field count and the 6000 total.
        var fixedSize = Size(title) + lead.Length + Size(footer?.Text) + fixedFields.Sum(Size);
        while (optional.Count > 0 && (optional.Count + fixedFields.Count > DiscordLimits.EmbedFields || fixedSize + optional.Sum(Size) > DiscordLimits.EmbedTotal - 200))
        {
            optional.RemoveAt(0);
        }

        var separator = lead.Length > 0 && reply.Answer.Length > 0 ? 2 : 0;
        var budget = Math.Min(
            DiscordLimits.EmbedDescription - lead.Length - separator,
            DiscordLimits.EmbedTotal - fixedSize - optional.Sum(Size) - separator);
        var answer = reply.Answer.Length > 0 ? TextFit.Trim(reply.Answer, Math.Max(0, budget)) : "";
        var description = separator > 0 ? $"{lead}\n\n{answer}" : lead + answer;

        var fields = optional.Where(f => f.Name == "Source").Concat(optional.Where(f => f.Name != "Source")).Concat(fixedFields).ToArray();
        return new EmbedPayload(
            title,
            description.Length > 0 ? TextFit.Trim(description, DiscordLimits.EmbedDescription) : null,
            reply.Safety.Count > 0 ? SafetyColor : AnswerColor,
            fields,
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
