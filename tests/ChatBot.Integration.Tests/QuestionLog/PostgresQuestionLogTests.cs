using System.Data.Common;
using ChatBot.Core.QuestionLog;
using Npgsql;

namespace ChatBot.Integration.Tests.QuestionLog;

/// <summary>The question log contract against a real PostgreSQL server (see <see cref="PostgresTestServer"/>).</summary>
public sealed class PostgresQuestionLogTests : QuestionLogContract
{
    private readonly string _schema = "test_" + Guid.NewGuid().ToString("N");

    protected override QuestionLogProvider Provider => QuestionLogProvider.Postgres;

    protected override string UnreachableConnectionString => "Host=127.0.0.1;Port=1;Username=nobody;Password=nothing;Database=none;Timeout=2";

    protected override Task<string> CreateDatabaseAsync() => PostgresTestServer.CreateSchemaAsync(_schema);

    protected override Task DropDatabaseAsync() => PostgresTestServer.DropSchemaAsync(_schema);

    protected override DbConnection Connect(string connectionString) => new NpgsqlConnection(connectionString);
}
