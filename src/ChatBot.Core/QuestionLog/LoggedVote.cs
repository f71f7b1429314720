namespace ChatBot.Core.QuestionLog;

/// <summary>A 👍/👎 as kept in the log, linked to the reply (and so to its question) by <paramref name="ReplyId"/>.</summary>
public sealed record LoggedVote(
    DateTimeOffset At,
    string Platform,
    string? UserHash,
    string ReplyId,
    string? EntryId,
    bool Helpful) : QuestionLogRecord(At);
