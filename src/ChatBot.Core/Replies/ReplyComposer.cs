using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Replies;

/// <summary>
/// Builds every reply the bot gives. Whatever the outcome, <see cref="Finish"/> attaches the caveats and
/// the see-a-doctor advice last, after retrieval and from <c>bot.yaml</c>, so neither a question nor an
/// FAQ edit can remove them, and defuses mass mentions in every text field.
/// </summary>
public sealed class ReplyComposer(KnowledgeBase knowledge)
{
    private readonly KnowledgeBase _knowledge = knowledge;

    /// <param name="companion">A related entry answered alongside: its question and answer follow, its citations and caveats are added.</param>
    /// <param name="readWith">For a follow-up answered together with the previous question: that question, named above the answer.</param>
    /// <param name="readAs">For a question in another language: the English reading it was answered by, shown above the answer.</param>
    public Reply Answer(FaqEntry entry, double confidence, IReadOnlyList<SafetyCategory> flags, FaqEntry? companion = null, string? readWith = null, string? readAs = null) =>
        Finish(Base(flags.Count > 0 ? ReplyOutcome.Safety : ReplyOutcome.Answer, Heading(readWith, readAs), confidence, flags) with
        {
            ReadWith = readWith,
            EntryId = entry.Id,
            CompanionEntryId = companion?.Id,
            Title = entry.Question,
            Answer = companion is null ? entry.Answer : $"{entry.Answer}\n\n{companion.Question}\n{companion.Answer}",
            Citations = entry.Citations.Concat(companion?.Citations ?? []).DistinctBy(c => c.Quote).Select(Cite).ToArray(),
            Evidence = companion is null || companion.Evidence.Label == entry.Evidence.Label
                ? entry.Evidence.Label
                : $"{entry.Evidence.Label} / {companion.Evidence.Label}",
            Caveats = [.. entry.Caveats, .. companion?.Caveats ?? []],
            Related = RelatedOf(entry).Where(r => r.EntryId != companion?.Id).ToArray(),
        });

    public Reply Clarify(FaqEntry first, FaqEntry second, double confidence, IReadOnlyList<SafetyCategory> flags) =>
        Finish(Base(
            flags.Count > 0 ? ReplyOutcome.Safety : ReplyOutcome.Clarify,
            string.Format(System.Globalization.CultureInfo.InvariantCulture, _knowledge.Bot.Messages.Clarify, first.Question, second.Question),
            confidence,
            flags) with
        {
            Choices = [new RelatedQuestion(first.Id, first.Question), new RelatedQuestion(second.Id, second.Question)],
        });

    public Reply NoAnswer(double confidence, IReadOnlyList<SafetyCategory> flags, bool englishOnlyNote = false)
    {
        var message = flags.Count > 0 ? "" : _knowledge.Bot.Messages.NoAnswer;
        if (englishOnlyNote)
        {
            message = $"{_knowledge.Bot.Messages.EnglishOnly}\n\n{message}\n\n{_knowledge.Bot.Messages.EmergencyAnyLanguage}".Trim();
        }

        return Finish(Base(flags.Count > 0 ? ReplyOutcome.Safety : ReplyOutcome.NoAnswer, message, confidence, flags));
    }

    /// <summary>Urgent red flags: the guidance replaces the answer.</summary>
    public Reply Urgent(IReadOnlyList<SafetyCategory> flags) => Finish(Base(ReplyOutcome.Safety, "", 0, flags));

    /// <summary>A greeting, thanks or a question about the bot: its short reply, with any warn-level flags above it.</summary>
    public Reply SmallTalk(SmallTalkIntent intent, double confidence, IReadOnlyList<SafetyCategory> flags) =>
        Finish(Base(flags.Count > 0 ? ReplyOutcome.Safety : ReplyOutcome.Notice, intent.Reply, confidence, flags) with { Intent = intent.Id });

    /// <summary>"source?" after an answer: that entry's quotes in full, with where each is in the article.</summary>
    public Reply Sources(FaqEntry entry, IReadOnlyList<SafetyCategory> flags) =>
        Finish(Base(flags.Count > 0 ? ReplyOutcome.Safety : ReplyOutcome.Notice, Format(_knowledge.Bot.Messages.FollowUpSources, entry.Question), 1, flags) with
        {
            Citations = entry.Citations.Select(Cite).ToArray(),
            Evidence = entry.Evidence.Label,
            Caveats = entry.Caveats,
        });

    /// <summary>"tell me more" after an answer: that entry's related questions to pick from.</summary>
    public Reply More(FaqEntry entry, IReadOnlyList<SafetyCategory> flags) =>
        Finish(Base(flags.Count > 0 ? ReplyOutcome.Safety : ReplyOutcome.Notice, Format(_knowledge.Bot.Messages.FollowUpMore, entry.Question), 1, flags) with
        {
            Related = RelatedOf(entry),
        });

    /// <summary>Over the fair-use limit: one short notice saying when to ask again.</summary>
    public Reply RateLimited(TimeSpan retryAfter) =>
        Notice(Format(_knowledge.Bot.Messages.RateLimited, Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture))) with { Limited = true };

    public Reply Empty() => Finish(Base(ReplyOutcome.NoAnswer, _knowledge.Bot.Messages.Empty, 0, []));

    public Reply Notice(string botText) => Finish(Base(ReplyOutcome.Notice, botText, 0, []));

    private Reply Base(ReplyOutcome outcome, string message, double confidence, IReadOnlyList<SafetyCategory> flags) => new()
    {
        Id = NewId(),
        Outcome = outcome,
        Confidence = confidence,
        Message = message,
        Safety = Notices(flags),
        Caveats = [],
        DoctorAdvice = "",
        Text = "",
    };

    private Reply Finish(Reply reply)
    {
        var caveats = reply.Caveats
            .Append(_knowledge.Bot.StandingCaveat)
            .Select(MassMentionGuard.Defuse)
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var finished = reply with
        {
            Title = reply.Title is null ? null : MassMentionGuard.Defuse(reply.Title),
            Answer = MassMentionGuard.Defuse(reply.Answer),
            Message = MassMentionGuard.Defuse(reply.Message),
            Evidence = MassMentionGuard.Defuse(reply.Evidence),
            Citations = reply.Citations.Select(c => c with { Quote = MassMentionGuard.Defuse(c.Quote) }).ToArray(),
            Safety = reply.Safety.Select(s => s with { Message = MassMentionGuard.Defuse(s.Message) }).ToArray(),
            Related = reply.Related.Select(Defuse).ToArray(),
            Choices = reply.Choices.Select(Defuse).ToArray(),
            Caveats = caveats.Length > 0 ? caveats : [FallbackCaveat],
            DoctorAdvice = Either(MassMentionGuard.Defuse(DoctorAdviceFor(reply.Safety)), FallbackDoctorAdvice),
            KnowledgeVersion = _knowledge.Version,
        };
        return finished with { Text = ReplyTextRenderer.Render(finished) };
    }

    // Last line of defence should bot.yaml ever hold blank text: the invariant does not depend on data.
    private const string FallbackCaveat = "This is general information, not medical advice.";
    private const string FallbackDoctorAdvice = "Please talk to a doctor before taking any supplement.";

    /// <summary>The first red flag's own doctor line when it has one: a crisis reply does not talk about changing supplements.</summary>
    private string DoctorAdviceFor(IReadOnlyList<SafetyNotice> notices)
    {
        var first = notices.Count == 0 ? null : _knowledge.Safety.FirstOrDefault(c => c.Id == notices[0].Flag);
        return Either(first?.DoctorAdvice ?? "", _knowledge.Bot.DoctorAdvice);
    }

    private string Heading(string? readWith, string? readAs) =>
        readWith is not null ? Format(_knowledge.Bot.Messages.FollowUp, Shorten(readWith))
        : readAs is not null ? Format(_knowledge.Bot.Messages.ReadInEnglish, Shorten(readAs))
        : "";

    private static string Format(string template, string value) => template.Replace("{0}", value, StringComparison.Ordinal);

    /// <summary>At most 120 characters, never cutting a character made of two UTF-16 units (an emoji) in half.</summary>
    private static string Shorten(string text)
    {
        if (text.Length <= 120)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[116]) ? 116 : 117;
        return text[..cut] + "…";
    }

    private static string Either(string value, string fallback) => value.Trim().Length > 0 ? value : fallback;

    private static RelatedQuestion Defuse(RelatedQuestion q) => q with { Question = MassMentionGuard.Defuse(q.Question) };

    private Citation Cite(FaqCitation citation) =>
        new(citation.SourceId, _knowledge.Source(citation.SourceId)?.Title ?? citation.SourceId, citation.Quote, citation.Location);

    private RelatedQuestion[] RelatedOf(FaqEntry entry) =>
        entry.Related
            .Select(_knowledge.Find)
            .OfType<FaqEntry>()
            .Select(e => new RelatedQuestion(e.Id, e.Question))
            .ToArray();

    private static SafetyNotice[] Notices(IReadOnlyList<SafetyCategory> flags) =>
        flags.Select(f => new SafetyNotice(f.Id, f.Label, f.Message, f.Action == SafetyAction.Replace)).ToArray();

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
