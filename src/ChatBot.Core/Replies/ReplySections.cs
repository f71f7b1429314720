namespace ChatBot.Core.Replies;

/// <summary>
/// The order a reply is shown in, and what may never be trimmed, decided here for every renderer: safety
/// guidance first, then the bot's message, the choices, the answer, its quotes and evidence, then the caveats
/// and the doctor advice, and last the related questions. Safety guidance, caveats and doctor advice are
/// <see cref="SectionFit.Fixed"/>; everything else is <see cref="SectionFit.Trimmable"/>. A title, when there
/// is one, heads the reply and is not a section.
/// </summary>
public static class ReplySections
{
    private static readonly ReplySection SafetyGuidance = new(ReplySectionKind.SafetyGuidance, SectionFit.Fixed);
    private static readonly ReplySection Message = new(ReplySectionKind.Message, SectionFit.Trimmable);
    private static readonly ReplySection Choices = new(ReplySectionKind.Choices, SectionFit.Trimmable);
    private static readonly ReplySection Answer = new(ReplySectionKind.Answer, SectionFit.Trimmable);
    private static readonly ReplySection Quotes = new(ReplySectionKind.Quotes, SectionFit.Trimmable);
    private static readonly ReplySection Evidence = new(ReplySectionKind.Evidence, SectionFit.Trimmable);
    private static readonly ReplySection Caveats = new(ReplySectionKind.Caveats, SectionFit.Fixed);
    private static readonly ReplySection DoctorAdvice = new(ReplySectionKind.DoctorAdvice, SectionFit.Fixed);
    private static readonly ReplySection Related = new(ReplySectionKind.Related, SectionFit.Trimmable);

    /// <summary>The sections <paramref name="reply"/> has, in order. The caveats and the doctor advice are always there.</summary>
    public static IReadOnlyList<ReplySection> Of(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var sections = new List<ReplySection>(9);
        Add(reply.Safety.Count > 0, SafetyGuidance);
        Add(reply.Message.Length > 0, Message);
        Add(reply.Choices.Count > 0, Choices);
        Add(reply.Answer.Length > 0, Answer);
        Add(reply.Citations.Count > 0, Quotes);
        Add(reply.Evidence.Length > 0, Evidence);
        sections.Add(Caveats);
        sections.Add(DoctorAdvice);
        Add(reply.Related.Count > 0, Related);
        return sections;

        void Add(bool present, ReplySection section)
        {
            if (present)
            {
                sections.Add(section);
            }
        }
    }

    /// <summary>The safety notices in the order they are shown: urgent ones (which replace an answer) first.</summary>
    public static IEnumerable<SafetyNotice> SafetyInOrder(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Safety.Where(s => s.Urgent).Concat(reply.Safety.Where(s => !s.Urgent));
    }
}
