using ChatBot.Core.Answering;
using ChatBot.Core.Replies;

namespace ChatBot.Slack.Tests;

/// <summary>
/// Reply fixtures for the Block Kit renderer's unit tests (the hosts run the production engine): a small
/// stand-in for Core's engine with the same reply invariants (caveats and doctor advice on every reply). "pregnant" raises a safety flag; "boom" throws; <see cref="EchoQuestion"/> puts the
/// question into the answer so the send path's escaping can be tested against hostile text.
/// </summary>
public sealed class StubAnswerEngine : IAnswerEngine
{
    public const string Caveat = "This is general information, not medical advice.";
    public const string DoctorAdvice = "Talk to your doctor before starting any supplement.";
    private static readonly RelatedQuestion[] Topics =
    [
        new("magnesium-sleep", "Does magnesium L-threonate help sleep?"),
        new("magnesium-dose", "How much magnesium L-threonate is typical?"),
        new("magnesium-side-effects", "What are the side effects?"),
    ];

    public bool EchoQuestion { get; set; }

    public Func<string, string>? AnswerFor { get; set; }

    public int Asked => Volatile.Read(ref _asked);

    private int _asked;

    public Reply Ask(string question, AskContext context)
    {
        Interlocked.Increment(ref _asked);
        if (question.Contains("boom", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("engine bug");
        }

        var answer = AnswerFor?.Invoke(question) ?? "Magnesium L-threonate showed small sleep improvements in one trial.";
        if (EchoQuestion)
        {
            answer = "You asked: " + question;
        }

        var reply = Entry(Topics[0], answer);
        return question.Contains("pregnant", StringComparison.OrdinalIgnoreCase) ? WithPregnancyNotice(reply) : reply;
    }

    private static Reply WithPregnancyNotice(Reply reply) =>
        reply with { Outcome = ReplyOutcome.Safety, Safety = [new SafetyNotice("pregnancy", "Pregnancy", "During pregnancy, ask your midwife or doctor first.", false)] };

    public Reply AskFollowUp(string question, AskContext context, ChatBot.Core.Conversations.ConversationTurn previous) => Ask(question, context);

    public bool IsUrgent(string question) => question.Contains("overdose", StringComparison.OrdinalIgnoreCase);

    public Reply RateLimited(TimeSpan retryAfter) => Notice($"You're asking faster than I can answer well. Please try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.");

    /// <summary>An entry whose id mentions pregnancy carries the same safety notice as a question that does.</summary>
    public Reply ShowEntry(string entryId, AskContext context)
    {
        var reply = Entry(Topics.FirstOrDefault(t => t.EntryId == entryId) ?? new RelatedQuestion(entryId, "Unknown"), "Answer for " + entryId + ".");
        return entryId.Contains("pregnan", StringComparison.OrdinalIgnoreCase) ? WithPregnancyNotice(reply) : reply;
    }

    public IReadOnlyList<RelatedQuestion> ListTopics() => Topics;

    public IReadOnlyList<RelatedQuestion> SuggestTopics(string partial, int max) => Topics.Take(max).ToArray();

    public Reply About() => Notice("SleepBot answers questions about magnesium L-threonate and sleep from one cited FAQ.");

    public Reply Notice(NoticeKind kind) => Notice(kind switch
    {
        NoticeKind.Error => "Sorry, something went wrong on our side.",
        NoticeKind.Refusal => "You may not use this command.",
        NoticeKind.FeedbackThanks => "Thanks for the feedback!",
        _ => "I sent you safety guidance privately.",
    });

    public Reply Info(string botText) => Notice(botText);

    private static Reply Notice(string message) => new()
    {
        Id = NewId(),
        Outcome = ReplyOutcome.Notice,
        Message = message,
        Caveats = [Caveat],
        DoctorAdvice = DoctorAdvice,
        Text = $"{message}\n{Caveat}\n{DoctorAdvice}",
    };

    private static Reply Entry(RelatedQuestion entry, string answer) => new()
    {
        Id = NewId(),
        Outcome = ReplyOutcome.Answer,
        EntryId = entry.EntryId,
        Title = entry.Question,
        Confidence = 0.9,
        Answer = answer,
        Citations = [new Citation("src-1", "Zhang et al. 2022", "Sleep quality improved modestly.", "¶3 s.2")],
        Evidence = "one human clinical trial",
        Caveats = ["Small study.", Caveat],
        DoctorAdvice = DoctorAdvice,
        Related = Topics.Where(t => t.EntryId != entry.EntryId).ToArray(),
        Text = $"{entry.Question}\n{answer}\n{Caveat}\n{DoctorAdvice}",
    };

    private static string NewId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..16];
}
