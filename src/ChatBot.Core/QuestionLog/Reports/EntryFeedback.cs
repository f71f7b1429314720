namespace ChatBot.Core.QuestionLog.Reports;

/// <summary>
/// Votes on one entry's replies. <paramref name="EntryId"/> is null for replies that had no entry (the
/// no-answer message); <paramref name="Title"/> is the entry's question in the live knowledge, null if
/// it no longer exists. <paramref name="Samples"/> are questions that got a 👎 (text kept only).
/// </summary>
public sealed record EntryFeedback(
    string? EntryId,
    string? Title,
    int Down,
    int Up,
    DateTimeOffset LastVote,
    IReadOnlyList<string> Samples);
