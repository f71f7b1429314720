using Microsoft.Data.Sqlite;

namespace ChatBot.Integration.Tests.Cli;

/// <summary><c>chatbot log backup PATH</c>: SQLite's online backup; PostgreSQL is pointed to pg_dump.</summary>
public sealed class LogBackupTests : IDisposable
{
    private readonly string _folder = Repository.TempFolder("chatbot-backup");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Log => $"Data Source={Path.Combine(_folder, "questions.db")}";

    [Fact]
    public async Task Backup_copies_the_logged_questions()
    {
        var chat = await ChatBotProcess.RunInAsync(Repository.Root, LogOn(), "what are the side effects?\ndoes it help sleep?\n\n", "chat", "--Retrieval:Mode=Lexical");
        Assert.Equal(0, chat.ExitCode);
        var copy = Path.Combine(_folder, "copy.db");

        var result = await ChatBotProcess.RunInAsync(Repository.Root, LogOn(), "", "log", "backup", copy);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(2 question(s))", result.Output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM chatbot_questions";
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Backup_never_overwrites_a_file()
    {
        var existing = Path.Combine(_folder, "existing.db");
        File.WriteAllText(existing, "keep me");

        var result = await ChatBotProcess.RunInAsync(Repository.Root, LogOn(), "", "log", "backup", existing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("already exists", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    [Fact]
    public async Task Backup_of_a_postgres_log_points_to_pg_dump_and_fails()
    {
        var environment = LogOn();
        environment["QuestionLog__Provider"] = "Postgres";
        environment["QuestionLog__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=nothing;Database=none";

        var result = await ChatBotProcess.RunInAsync(Repository.Root, environment, "", "log", "backup", Path.Combine(_folder, "copy.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pg_dump", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "copy.db")));
    }

    private Dictionary<string, string?> LogOn() => new()
    {
        ["QuestionLog__Enabled"] = "true",
        ["QuestionLog__ConnectionString"] = Log,
        ["QuestionLog__UserIdKey"] = "integration-test-user-id-key-0123456789",
    };
}
