using ChatBot.Core.Answering;
using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;

namespace ChatBot.Slack.Tests;

/// <summary>
/// The production engine, with handles a test may turn: it counts the questions asked from Slack (not the host's
/// warm-up question at start), fails on
/// <see cref="FailingQuestion"/>, and answers with a given text or echoes the question (hostile text for the send
/// path) — in the shape of the <see cref="SteeredEntry"/> entry, keeping the real reply's safety guidance. Untouched,
/// it answers exactly as production does.
/// </summary>
public sealed class SteerableAnswerEngine(IAnswerEngine inner) : IAnswerEngine
{
    public const string FailingQuestion = "boom";
    public const string SteeredEntry = "does-it-help-sleep";

    private int _asked;

    public IAnswerEngine Inner => inner;

    public bool EchoQuestion { get; set; }

    public Func<string, string>? AnswerFor { get; set; }

    /// <summary>When set, showing this entry (a related-question button) carries the given safety guidance too.</summary>
    public (string EntryId, Reply Guidance)? GuidanceOnEntry { get; set; }

    /// <summary>Questions asked from Slack so far.</summary>
    public int Asked => Volatile.Read(ref _asked);

    public Reply Ask(string question, AskContext context) => Steer(question, context, () => inner.Ask(question, context));

    public Reply AskFollowUp(string question, AskContext context, ConversationTurn previous) =>
        Steer(question, context, () => inner.AskFollowUp(question, context, previous));

    public bool IsUrgent(string question) => inner.IsUrgent(question);

    public Reply RateLimited(TimeSpan retryAfter) => inner.RateLimited(retryAfter);

    public Reply ShowEntry(string entryId, AskContext context)
    {
        var reply = inner.ShowEntry(entryId, context);
        return GuidanceOnEntry is { } steer && steer.EntryId == entryId
            ? reply with { Outcome = ReplyOutcome.Safety, Safety = steer.Guidance.Safety, DoctorAdvice = steer.Guidance.DoctorAdvice }
            : reply;
    }

    public IReadOnlyList<RelatedQuestion> ListTopics() => inner.ListTopics();

    public IReadOnlyList<RelatedQuestion> SuggestTopics(string partial, int max) => inner.SuggestTopics(partial, max);

    public Reply About() => inner.About();

    public Reply Notice(NoticeKind kind) => inner.Notice(kind);

    public Reply Info(string botText) => inner.Info(botText);

    private Reply Steer(string question, AskContext context, Func<Reply> ask)
    {
        if (context.Platform == "slack")
        {
            Interlocked.Increment(ref _asked);
        }

        if (question.Contains(FailingQuestion, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("engine bug");
        }

        var reply = ask();
        var answer = EchoQuestion ? "You asked: " + question : AnswerFor?.Invoke(question);
        if (answer is null)
        {
            return reply;
        }

        var entry = reply.Answer.Length > 0 ? reply : inner.ShowEntry(SteeredEntry, context) with { Outcome = reply.Outcome, Safety = reply.Safety, DoctorAdvice = reply.DoctorAdvice };
        if (entry.Outcome is not ReplyOutcome.Safety)
        {
            entry = entry with { Outcome = ReplyOutcome.Answer };
        }

        return entry with { Answer = answer };
    }
}
