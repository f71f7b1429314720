using System.Data.Common;
using ChatBot.Core.Answering;
using ChatBot.Core.Feedback;
using ChatBot.Core.QuestionLog;
using ChatBot.Core.QuestionLog.Reports;
using ChatBot.Host.Cli;
using ChatBot.Storage.QuestionLog;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Integration.Tests.QuestionLog;

/// <summary>The question log contract against a SQLite file in a fresh temporary folder; plus what only the default store shows.</summary>
public sealed class SqliteQuestionLogTests : QuestionLogContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatbot-log-" + Guid.NewGuid().ToString("N"));

    protected override QuestionLogProvider Provider => QuestionLogProvider.Sqlite;

    /// <summary>A folder that cannot be created: /dev/null is a file.</summary>
    protected override string UnreachableConnectionString => "Data Source=/dev/null/chatbot/questions.db";

    [Fact]
    public async Task The_database_file_and_its_folder_are_created_on_first_use_readable_by_the_owner_only()
    {
        var file = Path.Combine(_folder, "nested", "questions.db");
        await using (var store = SqliteQuestionLogStore.Create($"Data Source={file}"))
        {
            await store.EnsureSchemaAsync(CancellationToken.None);
        }

        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task A_bad_setting_stops_the_start_with_one_line_naming_it()
    {
        using var host = LogTestHost.Build(QuestionLogProvider.Postgres, "");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Equal("invalid configuration: QuestionLog:ConnectionString is required when QuestionLog:Provider is Postgres", StartupFailure.Describe(failure));
    }

    [Fact]
    public async Task With_the_log_off_nothing_is_stored_and_reports_say_so()
    {
        var file = Path.Combine(_folder, "off.db");
        using var host = LogTestHost.Build(Provider, $"Data Source={file}", extra: new Dictionary<string, string?> { ["QuestionLog:Enabled"] = "false" });
        await host.StartAsync();
        host.Services.GetRequiredService<IAnswerEngine>().Ask("is it good for my dog", new AskContext("discord", "U1"));
        var report = await host.Services.GetRequiredService<IModeratorReports>().GapsAsync(7, CancellationToken.None);
        await host.StopAsync();

        Assert.IsType<NullQuestionObserver>(host.Services.GetRequiredService<IQuestionObserver>());
        Assert.IsType<InMemoryFeedbackSink>(host.Services.GetRequiredService<IFeedbackSink>());
        Assert.False(report.LogEnabled);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Cli_reports_say_so_when_the_log_is_off()
    {
        var code = await CommandLine.RunAsync(["faq", "gaps", "--knowledge", Path.Combine(LogTestHost.RepoRoot, "knowledge"), "--QuestionLog:Enabled=false"]);

        Assert.Equal(2, code);
    }

    protected override Task<string> CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.FromResult($"Data Source={Path.Combine(_folder, "questions.db")}");
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    protected override DbConnection Connect(string connectionString) => new SqliteConnection(connectionString);
}
