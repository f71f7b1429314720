namespace ChatBot.Core.QuestionLog;

/// <summary>
/// Where the question log is kept (ChatBot.Storage has the SQLite and PostgreSQL stores). The schema is
/// migrated on first use; failures surface as exceptions for the caller to handle — the writer counts
/// them as dropped records, a CLI verb reports them.
/// </summary>
public interface IQuestionLogStore
{
    /// <summary>Where the log is, for a start-up line: never a password.</summary>
    string Description { get; }

    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Writes the records in one transaction: all of them or none.</summary>
    Task AppendAsync(IReadOnlyList<QuestionLogRecord> records, CancellationToken cancellationToken);

    /// <summary>Deletes questions and votes logged before <paramref name="cutoff"/>.</summary>
    Task<PurgeResult> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>The most recent questions since <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<LoggedQuestion>> QuestionsAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Questions the FAQ did not answer well: no answer, a clarify, or a match below <paramref name="lowConfidence"/>
    /// (with or without a warn-level safety flag; urgent ones, which skip retrieval, have confidence 0). Newest first.
    /// </summary>
    Task<IReadOnlyList<LoggedQuestion>> GapCandidatesAsync(DateTimeOffset since, double lowConfidence, int limit, CancellationToken cancellationToken);

    Task<int> CountQuestionsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Votes since <paramref name="since"/>, oldest first, each with its question's text when kept.</summary>
    Task<IReadOnlyList<StoredVote>> VotesAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
