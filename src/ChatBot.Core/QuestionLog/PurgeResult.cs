namespace ChatBot.Core.QuestionLog;

/// <summary>What one purge removed: everything logged before <paramref name="Cutoff"/>.</summary>
public sealed record PurgeResult(DateTimeOffset Cutoff, int Questions, int Votes);
