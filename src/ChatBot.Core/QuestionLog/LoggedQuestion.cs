using ChatBot.Core.Replies;

namespace ChatBot.Core.QuestionLog;

/// <summary>
/// A question as kept in the log. <paramref name="UserHash"/> is a keyed hash, never the platform id;
/// <paramref name="Question"/> is null when the text was withheld (a safety flag was raised).
/// </summary>
public sealed record LoggedQuestion(
    DateTimeOffset At,
    string Platform,
    string Outcome,
    string? EntryId,
    double Confidence,
    string KnowledgeVersion,
    IReadOnlyList<string> SafetyFlags,
    string ReplyId,
    string? UserHash,
    string? Question) : QuestionLogRecord(At)
{
    public const string AnswerOutcome = "answer";
    public const string ClarifyOutcome = "clarify";
    public const string NoAnswerOutcome = "no_answer";
    public const string SafetyOutcome = "safety";
    public const string NoticeOutcome = "notice";

    public static string OutcomeName(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.Answer => AnswerOutcome,
        ReplyOutcome.Clarify => ClarifyOutcome,
        ReplyOutcome.NoAnswer => NoAnswerOutcome,
        ReplyOutcome.Safety => SafetyOutcome,
        _ => NoticeOutcome,
    };
}
