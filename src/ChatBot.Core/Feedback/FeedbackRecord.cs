namespace ChatBot.Core.Feedback;

/// <summary>A 👍/👎 on one reply. <paramref name="UserId"/> is the platform's raw id; stores hash it.</summary>
public sealed record FeedbackRecord(
    string Platform,
    string? UserId,
    string ReplyId,
    string? EntryId,
    bool Helpful,
    DateTimeOffset At);
