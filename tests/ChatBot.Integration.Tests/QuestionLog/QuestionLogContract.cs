using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using ChatBot.Core.Answering;
using ChatBot.Core.Feedback;
using ChatBot.Core.QuestionLog;
using ChatBot.Core.QuestionLog.Reports;
using ChatBot.Host.Cli;
using ChatBot.Storage.QuestionLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Integration.Tests.QuestionLog;

/// <summary>
/// What every question log store must do, written once: SQLite and PostgreSQL run the same tests. Each
/// test gets an empty database (a file, or a schema) from the subclass.
/// </summary>
public abstract partial class QuestionLogContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    protected string ConnectionString { get; private set; } = "";

    protected abstract QuestionLogProvider Provider { get; }

    /// <summary>A connection string of the right provider whose store cannot be opened.</summary>
    protected abstract string UnreachableConnectionString { get; }

    public async Task InitializeAsync() => ConnectionString = await CreateDatabaseAsync();

    public Task DisposeAsync() => DropDatabaseAsync();

    [SkippableFact]
    public async Task Appended_questions_and_votes_read_back_with_every_field()
    {
        await using var store = Store();
        var question = Question(Now.AddMinutes(-5), "how much should I take", LoggedQuestion.NoAnswerOutcome, flags: ["pregnancy", "medication"]);
        var vote = new LoggedVote(Now.AddMinutes(-4), "slack", "hash-b", question.ReplyId, null, Helpful: false);

        await store.AppendAsync([question, vote], CancellationToken.None);

        var read = Assert.Single(await store.QuestionsAsync(Now.AddDays(-1), 10, CancellationToken.None));
        Assert.Equal(["pregnancy", "medication"], read.SafetyFlags);
        Assert.Equal(question with { SafetyFlags = read.SafetyFlags }, read);
        var stored = Assert.Single(await store.VotesAsync(Now.AddDays(-1), CancellationToken.None));
        Assert.Equal(vote, stored.Vote);
        Assert.Equal("how much should I take", stored.Question);
    }

    [SkippableFact]
    public async Task Migrations_run_once_when_instances_start_together()
    {
        await using var first = Store();
        await using var second = Store();
        await Task.WhenAll(first.EnsureSchemaAsync(CancellationToken.None), second.EnsureSchemaAsync(CancellationToken.None));
        await using (var third = Store())
        {
            await third.EnsureSchemaAsync(CancellationToken.None);
        }

        await using var connection = Connect(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(version) FROM chatbot_schema";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((1L, 1L), (Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1))));
    }

    [SkippableFact]
    public async Task Purge_deletes_only_what_is_older_than_the_retention()
    {
        await using var store = Store();
        await store.AppendAsync(
        [
            Question(Now.AddDays(-31), "old question"),
            Question(Now.AddDays(-29), "recent question"),
            new LoggedVote(Now.AddDays(-40), "discord", null, "r-old", null, false),
            new LoggedVote(Now.AddDays(-1), "discord", null, "r-new", null, true),
        ], CancellationToken.None);

        var result = await Purger(store, new FakeTimeProvider(Now)).PurgeAsync(CancellationToken.None);

        Assert.Equal((1, 1), (result.Questions, result.Votes));
        Assert.Equal(["recent question"], (await store.QuestionsAsync(Now.AddYears(-1), 10, CancellationToken.None)).Select(q => q.Question));
        Assert.Equal(["r-new"], (await store.VotesAsync(Now.AddYears(-1), CancellationToken.None)).Select(v => v.Vote.ReplyId));
    }

    [SkippableFact]
    public async Task The_background_purge_runs_again_after_its_interval()
    {
        var time = new FakeTimeProvider(Now);
        await using var store = Store();
        using var stop = new CancellationTokenSource();
        var loop = Purger(store, time).RunAsync(stop.Token);
        await store.AppendAsync([Question(Now.AddDays(-30).AddMinutes(30), "ages out within the hour")], CancellationToken.None);

        // Advancing on every poll: the loop may still be in its first purge when time first moves.
        await Eventually.TrueAsync(
            async () =>
            {
                time.Advance(TimeSpan.FromHours(1));
                return (await store.QuestionsAsync(Now.AddYears(-1), 10, CancellationToken.None)).Count == 0;
            },
            "the aged question purged",
            TimeSpan.FromSeconds(30));

        await stop.CancelAsync();
        await loop;
    }

    [SkippableFact]
    public async Task Restart_keeps_the_log()
    {
        for (var run = 0; run < 2; run++)
        {
            using var host = LogTestHost.Build(Provider, ConnectionString);
            await host.StartAsync();
            host.Services.GetRequiredService<IAnswerEngine>().Ask("is it good for my dog", new AskContext("discord", "user-1"));
            await host.StopAsync();
        }

        using var reader = LogTestHost.Build(Provider, ConnectionString);
        var report = await reader.Services.GetRequiredService<IModeratorReports>().GapsAsync(1, CancellationToken.None);
        var group = Assert.Single(report.Groups);
        Assert.Equal(("is it good for my dog", 2, 1), (group.Question, group.Count, group.People));
    }

    [SkippableFact]
    public async Task User_ids_are_stored_only_as_keyed_hashes()
    {
        const string rawId = "314159265358979";
        using (var host = LogTestHost.Build(Provider, ConnectionString))
        {
            await host.StartAsync();
            var reply = host.Services.GetRequiredService<IAnswerEngine>().Ask("what dose should I take", new AskContext("discord", rawId));
            await host.Services.GetRequiredService<IFeedbackSink>().RecordAsync(new FeedbackRecord("discord", rawId, reply.Id, reply.EntryId, false, Now), CancellationToken.None);
            await host.StopAsync();
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(LogTestHost.UserIdKey), Encoding.UTF8.GetBytes("discord:" + rawId)));
        await using var store = Store();
        Assert.Equal(expected, Assert.Single(await store.QuestionsAsync(Now.AddYears(-1), 10, CancellationToken.None)).UserHash);
        Assert.Equal(expected, Assert.Single(await store.VotesAsync(Now.AddYears(-1), CancellationToken.None)).Vote.UserHash);
        Assert.DoesNotContain(rawId, await DumpAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Safety_flagged_questions_are_stored_without_text()
    {
        using (var host = LogTestHost.Build(Provider, ConnectionString))
        {
            await host.StartAsync();
            host.Services.GetRequiredService<IAnswerEngine>().Ask("I have chest pain after taking magnesium", new AskContext("slack", "U123"));
            await host.StopAsync();
        }

        await using var store = Store();
        var row = Assert.Single(await store.QuestionsAsync(Now.AddYears(-1), 10, CancellationToken.None));
        Assert.Equal((LoggedQuestion.SafetyOutcome, (string?)null), (row.Outcome, row.Question));
        Assert.Contains("emergency", row.SafetyFlags);
        Assert.DoesNotContain("chest", await DumpAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Questions_never_reach_the_logs_and_a_dead_store_never_stops_replies()
    {
        var logs = new CapturingLoggerProvider();
        using var host = LogTestHost.Build(Provider, UnreachableConnectionString, logs);
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<IAnswerEngine>();
        for (var i = 0; i < 20; i++)
        {
            Assert.NotEqual(Core.Replies.ReplyOutcome.Notice, engine.Ask($"does quokka marmalade number {i} help sleep", new AskContext("discord", "U9")).Outcome);
        }

        await Eventually.TrueAsync(() => logs.Lines.Any(l => l.Level == LogLevel.Warning && l.Message.Contains("dropped", StringComparison.Ordinal) && !l.Message.Contains("dropped 0 ", StringComparison.Ordinal)), "the warning about dropped records");
        await host.StopAsync();

        Assert.DoesNotContain(logs.Lines, l => l.FullText.Contains("quokka", StringComparison.OrdinalIgnoreCase) || l.FullText.Contains("U9", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Cli_verbs_read_and_purge_the_same_log()
    {
        string[] settings = ["--knowledge", Path.Combine(LogTestHost.RepoRoot, "knowledge"), "--Retrieval:Mode=Lexical", $"--QuestionLog:Provider={Provider}", $"--QuestionLog:ConnectionString={ConnectionString}"];

        Assert.Equal(0, await CommandLine.RunAsync(["faq", "gaps", "--days", "3", .. settings]));
        Assert.Equal(0, await CommandLine.RunAsync(["faq", "feedback", .. settings]));
        Assert.Equal(0, await CommandLine.RunAsync(["log", "purge", .. settings]));
        Assert.Equal(2, await CommandLine.RunAsync(["faq", "gaps", "--days", "none", .. settings]));
    }

    /// <summary>A fresh, empty database for one test; returns its connection string.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    protected abstract DbConnection Connect(string connectionString);

    protected QuestionLogStore Store() => Provider == QuestionLogProvider.Postgres
        ? PostgresQuestionLogStore.Create(ConnectionString)
        : SqliteQuestionLogStore.Create(ConnectionString);

    protected static LoggedQuestion Question(
        DateTimeOffset at,
        string? text,
        string outcome = LoggedQuestion.NoAnswerOutcome,
        string? entry = null,
        double confidence = 0.2,
        string? user = "hash-a",
        IReadOnlyList<string>? flags = null) =>
        new(at, "discord", outcome, entry, confidence, "v1", flags ?? [], Guid.NewGuid().ToString("N")[..16], user, text);

    private static QuestionLogPurger Purger(QuestionLogStore store, TimeProvider time) => new(
        store,
        Options.Create(new QuestionLogOptions { RetentionDays = 30, PurgeInterval = TimeSpan.FromHours(1) }),
        time,
        NullLogger<QuestionLogPurger>.Instance);

    /// <summary>Every value of every row of both tables, as one string.</summary>
    private async Task<string> DumpAsync()
    {
        var text = new StringBuilder();
        await using var connection = Connect(ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "chatbot_questions", "chatbot_feedback" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetValue(i)).Append('|');
                }
            }
        }

        return text.ToString();
    }
}
