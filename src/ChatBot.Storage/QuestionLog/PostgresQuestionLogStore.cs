using System.Data.Common;
using Npgsql;

namespace ChatBot.Storage.QuestionLog;

/// <summary>PostgreSQL, for several bot instances sharing one log. Tables go to the connection's first search-path schema.</summary>
public sealed class PostgresQuestionLogStore : QuestionLogStore
{
    /// <summary>An arbitrary constant: instances starting together take turns migrating under this advisory lock.</summary>
    private const long MigrationLockId = 7_245_031_001;

    private readonly string _description;

    private PostgresQuestionLogStore(NpgsqlDataSource dataSource, string description)
        : base(dataSource) => _description = description;

    public override string Description => _description;

    protected override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public static PostgresQuestionLogStore Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new PostgresQuestionLogStore(NpgsqlDataSource.Create(builder), $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}");
    }

    protected override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@id)", cancellationToken, ("id", MigrationLockId)).ConfigureAwait(false);
    }
}
