using Npgsql;

namespace ChatBot.Integration.Tests.QuestionLog;

/// <summary>
/// The PostgreSQL server the tests use: the one in CHATBOT_TEST_POSTGRES (set by .ci/run, which starts one).
/// Unset, the tests are skipped with a reason saying how to run them, except under CI (the CI variable set),
/// where a missing server is a failure: a green CI run must have tested PostgreSQL. Each test gets a schema
/// of its own, dropped afterwards.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "CHATBOT_TEST_POSTGRES";
    public const string HowToRun = $"run 'bash .ci/run' (installs and starts one), or 'export {Variable}=\"$(bash .ci/postgres-up)\"' and test again";

    private static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string Server => new NpgsqlConnectionStringBuilder(Configured ?? "") { Timeout = 5 }.ToString();

    /// <summary>Skips the calling test when no server is configured, or fails it under CI.</summary>
    public static void RequireServer() => RequireServer(Configured, Environment.GetEnvironmentVariable("CI"));

    internal static void RequireServer(string? configured, string? ci)
    {
        if (configured is not null)
        {
            return;
        }

        if (!string.IsNullOrEmpty(ci))
        {
            throw new InvalidOperationException($"CI is set but {Variable} is not: the PostgreSQL question log tests must run in CI; {HowToRun}.");
        }

        Skip.If(true, $"PostgreSQL question log tests need a server and {Variable} is not set; {HowToRun}.");
    }

    /// <summary>Creates a fresh schema and returns a connection string whose tables go there.</summary>
    public static async Task<string> CreateSchemaAsync(string schema)
    {
        RequireServer();
        try
        {
            await ExecuteAsync($"CREATE SCHEMA {schema}");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException($"PostgreSQL question log tests need a real server: the server in {Variable} cannot be used ({e.Message}); {HowToRun}.", e);
        }

        return new NpgsqlConnectionStringBuilder(Server) { SearchPath = schema }.ToString();
    }

    public static Task DropSchemaAsync(string schema) =>
        Configured is null ? Task.CompletedTask : ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");

    /// <summary>Ends the server sessions holding the advisory lock <paramref name="lockId"/>, as if their process died.</summary>
    public static Task TerminateSessionsHoldingAsync(long lockId) => ExecuteAsync(
        $"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid = {(uint)(lockId >> 32)} AND objid = {(uint)lockId}");

    /// <summary>How many sessions wait for this advisory lock (asked for, not granted).</summary>
    public static async Task<long> SessionsWaitingForAsync(long lockId)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1 AND classid = {(uint)(lockId >> 32)} AND objid = {(uint)lockId}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
