namespace ChatBot.Core.QuestionLog.Reports;

/// <summary>
/// Similar questions counted together. <paramref name="Question"/> is the most frequent wording;
/// <paramref name="Samples"/> other wordings; <paramref name="People"/> distinct (hashed) askers;
/// <paramref name="NearestEntryId"/> the entry most often offered, if any — the first place to look.
/// </summary>
public sealed record QuestionGroup(
    string Question,
    int Count,
    int People,
    int NoAnswer,
    int Clarify,
    int LowConfidence,
    string? NearestEntryId,
    DateTimeOffset LastAsked,
    IReadOnlyList<string> Samples);
