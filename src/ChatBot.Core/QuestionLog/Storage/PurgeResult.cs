namespace ChatBot.Core.QuestionLog.Storage;

/// <summary>What one purge removed: everything logged before <paramref name="Cutoff"/>.</summary>
public sealed record PurgeResult(DateTimeOffset Cutoff, int Questions, int Votes);
