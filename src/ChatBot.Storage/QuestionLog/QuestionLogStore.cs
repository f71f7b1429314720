using System.Data.Common;
using ChatBot.Core.QuestionLog;

namespace ChatBot.Storage.QuestionLog;

/// <summary>
/// The question log's tables, over plain ADO.NET so SQLite and PostgreSQL run the same SQL. The schema is
/// migrated on first use (by the writer at start, or by a CLI verb).
/// </summary>
public abstract class QuestionLogStore(DbDataSource dataSource) : IQuestionLogStore, IDisposable, IAsyncDisposable
{
    private const int RowsPerInsert = 100;
    private const string QuestionColumns = "asked_at, platform, outcome, entry_id, confidence, knowledge_version, safety_flags, reply_id, user_hash, question";

    private readonly DbDataSource _dataSource = dataSource;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Where the log is, for a start-up line: never a password.</summary>
    public abstract string Description { get; }

    /// <summary>The column definition of an auto-numbered primary key.</summary>
    protected abstract string IdentityColumn { get; }

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await MigrateAsync(cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>Writes the records in one transaction: all of them or none.</summary>
    public async Task AppendAsync(IReadOnlyList<QuestionLogRecord> records, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        foreach (var chunk in records.OfType<LoggedQuestion>().Chunk(RowsPerInsert))
        {
            var command = QuestionLogSql.InsertQuestions(connection, transaction, chunk);
            await using var commandDisposal = command.ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in records.OfType<LoggedVote>().Chunk(RowsPerInsert))
        {
            var command = QuestionLogSql.InsertVotes(connection, transaction, chunk);
            await using var commandDisposal = command.ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes questions and votes logged before <paramref name="cutoff"/>.</summary>
    public async Task<PurgeResult> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var questions = await ExecuteAsync(connection, transaction, "DELETE FROM chatbot_questions WHERE asked_at < @cutoff", cancellationToken, ("cutoff", cutoff.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        var votes = await ExecuteAsync(connection, transaction, "DELETE FROM chatbot_feedback WHERE voted_at < @cutoff", cancellationToken, ("cutoff", cutoff.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PurgeResult(cutoff, questions, votes);
    }

    /// <summary>The most recent questions since <paramref name="since"/>, newest first.</summary>
    public Task<IReadOnlyList<LoggedQuestion>> QuestionsAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        ReadQuestionsAsync($"SELECT {QuestionColumns} FROM chatbot_questions WHERE asked_at >= @since ORDER BY asked_at DESC, id DESC LIMIT @limit", cancellationToken, ("since", since.ToUnixTimeMilliseconds()), ("limit", limit));

    /// <summary>
    /// Questions the FAQ did not answer well: no answer, a clarify, or a match below <paramref name="lowConfidence"/>
    /// (with or without a warn-level safety flag; urgent ones, which skip retrieval, have confidence 0).
    /// </summary>
    public Task<IReadOnlyList<LoggedQuestion>> GapCandidatesAsync(DateTimeOffset since, double lowConfidence, int limit, CancellationToken cancellationToken) =>
        ReadQuestionsAsync(
            $"""
            SELECT {QuestionColumns} FROM chatbot_questions
            WHERE asked_at >= @since AND (outcome IN ('{LoggedQuestion.NoAnswerOutcome}', '{LoggedQuestion.ClarifyOutcome}') OR (outcome IN ('{LoggedQuestion.AnswerOutcome}', '{LoggedQuestion.SafetyOutcome}') AND confidence > 0 AND confidence < @low))
            ORDER BY asked_at DESC, id DESC LIMIT @limit
            """,
            cancellationToken, ("since", since.ToUnixTimeMilliseconds()), ("low", lowConfidence), ("limit", limit));

    public async Task<int> CountQuestionsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = QuestionLogSql.Command(connection, null, "SELECT COUNT(*) FROM chatbot_questions WHERE asked_at >= @since", ("since", since.ToUnixTimeMilliseconds()));
        await using var commandDisposal = command.ConfigureAwait(false);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Votes since <paramref name="since"/>, oldest first, each with its question's text when kept.</summary>
    public async Task<IReadOnlyList<StoredVote>> VotesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = QuestionLogSql.Command(connection, null,
            """
            SELECT f.voted_at, f.platform, f.user_hash, f.reply_id, COALESCE(f.entry_id, q.entry_id), f.helpful, q.question
            FROM chatbot_feedback f LEFT JOIN chatbot_questions q ON q.reply_id = f.reply_id
            WHERE f.voted_at >= @since ORDER BY f.voted_at, f.id
            """,
            ("since", since.ToUnixTimeMilliseconds()));
        await using var commandDisposal = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var votes = new List<StoredVote>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            votes.Add(QuestionLogSql.ReadVote(reader));
        }

        return votes;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _schemaGate.Dispose();
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
            _schemaGate.Dispose();
        }
    }

    /// <summary>Runs before the first connection is opened (e.g. to create the database's folder).</summary>
    protected virtual void PrepareLocation()
    {
    }

    /// <summary>Runs before the migration transaction (e.g. to create a folder or set a journal mode).</summary>
    protected virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serialises migrations between instances sharing one database, inside the migration transaction.</summary>
    protected virtual Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    protected static Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = QuestionLogSql.Command(connection, transaction, sql, parameters);
        return ExecuteAndDisposeAsync(command, cancellationToken);
    }

    private static async Task<int> ExecuteAndDisposeAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        PrepareLocation();
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        await PrepareAsync(connection, cancellationToken).ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        await LockSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"CREATE TABLE IF NOT EXISTS {QuestionLogSchema.VersionTable} (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", cancellationToken).ConfigureAwait(false);
        var query = QuestionLogSql.Command(connection, transaction, $"SELECT COALESCE(MAX(version), 0) FROM {QuestionLogSchema.VersionTable}");
        await using var queryDisposal = query.ConfigureAwait(false);
        var current = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (current > QuestionLogSchema.LatestVersion)
        {
            throw new InvalidOperationException($"The question log has schema version {current}, newer than this build knows ({QuestionLogSchema.LatestVersion}); upgrade the bot.");
        }

        for (var version = current + 1; version <= QuestionLogSchema.LatestVersion; version++)
        {
            await ExecuteAsync(connection, transaction, QuestionLogSchema.Migration(version, IdentityColumn), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO {QuestionLogSchema.VersionTable} (version, applied_at) VALUES (@version, @at)", cancellationToken,
                ("version", version), ("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<LoggedQuestion>> ReadQuestionsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = QuestionLogSql.Command(connection, null, sql, parameters);
        await using var commandDisposal = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var questions = new List<LoggedQuestion>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            questions.Add(QuestionLogSql.ReadQuestion(reader));
        }

        return questions;
    }
}
