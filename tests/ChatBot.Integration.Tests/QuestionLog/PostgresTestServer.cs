using Npgsql;

namespace ChatBot.Integration.Tests.QuestionLog;

/// <summary>
/// The PostgreSQL server the tests use: CHATBOT_TEST_POSTGRES (set by .ci/run), else the server and role
/// that .ci/postgres-up creates on localhost. Tests start nothing themselves: when no server answers they
/// fail with one line saying how to get one. Each test gets a schema of its own, dropped afterwards.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "CHATBOT_TEST_POSTGRES";
    public const string LocalDefault = "Host=localhost;Port=5432;Username=chatbot_test;Password=chatbot_test;Database=chatbot_test";

    private static string Server
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(Variable);
            return new NpgsqlConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? LocalDefault : configured) { Timeout = 5 }.ToString();
        }
    }

    /// <summary>Creates a fresh schema and returns a connection string whose tables go there.</summary>
    public static async Task<string> CreateSchemaAsync(string schema)
    {
        try
        {
            await ExecuteAsync($"CREATE SCHEMA {schema}");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            var which = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 }
                ? $"the server in {Variable} cannot be used"
                : $"{Variable} is not set and no server answers at localhost:5432 as chatbot_test";
            throw new InvalidOperationException(
                $"PostgreSQL question log tests need a real server: {which} ({e.Message}). Run 'bash .ci/run' (installs and starts one), or 'export {Variable}=\"$(bash .ci/postgres-up)\"' and test again.", e);
        }

        return new NpgsqlConnectionStringBuilder(Server) { SearchPath = schema }.ToString();
    }

    public static Task DropSchemaAsync(string schema) => ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
