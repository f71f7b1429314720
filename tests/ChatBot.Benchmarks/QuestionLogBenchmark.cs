using System.Diagnostics;
using ChatBot.Core.Answering;
using ChatBot.Core.QuestionLog;
using ChatBot.Core.QuestionLog.Reports;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;
using ChatBot.Storage.QuestionLog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatBot.Benchmarks;

/// <summary>
/// Question log: cost of the observer on the reply path (hash + enqueue), and write throughput from the
/// queue through the batching writer into SQLite and, when CHATBOT_TEST_POSTGRES is set, PostgreSQL.
/// </summary>
public static class QuestionLogBenchmark
{
    private const int Records = 50_000;
    private const int ObserverCalls = 200_000;

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"Machine: {Measure.Machine()}; {Records:N0} records per store, batch {new QuestionLogOptions().BatchSize}");
        Console.WriteLine();
        var observerNs = ObserverCost();
        var folder = Path.Combine(Path.GetTempPath(), "chatbot-log-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var sqlite = await ThroughputAsync(SqliteQuestionLogStore.Create($"Data Source={Path.Combine(folder, "questions.db")}"));
        Directory.Delete(folder, recursive: true);
        var (lexicalGrouping, semanticGrouping) = GroupingCost();
        var postgres = Environment.GetEnvironmentVariable("CHATBOT_TEST_POSTGRES") is { Length: > 0 } server ? await PostgresAsync(server) : (double?)null;

        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| observer on the reply path (HMAC user id + enqueue), per question | {observerNs:0} ns |");
        Console.WriteLine($"| SQLite (WAL file): queue → store | {sqlite:N0} records/s |");
        Console.WriteLine($"| PostgreSQL 15 (local): queue → store | {(postgres is { } p ? $"{p:N0} records/s" : "not run (CHATBOT_TEST_POSTGRES unset)")} |");
        Console.WriteLine($"| `faq gaps` grouping of {ModeratorReports.MaxQuestions:N0} distinct questions, lexical (Jaccard) | {Measure.Ms(lexicalGrouping)} |");
        Console.WriteLine($"| `faq gaps` grouping of {ModeratorReports.MaxQuestions:N0} distinct questions, semantic (MiniLM, model loaded) | {Measure.Ms(semanticGrouping)} |");
        return 0;
    }

    /// <summary>Grouping dominates a gaps report; this is its worst case, the most questions a report reads.</summary>
    private static (double Lexical, double Semantic) GroupingCost()
    {
        string[] openings = ["does it help with", "can I take it for", "is it good for", "what about", "will it fix", "any evidence on", "should I use it for", "how does it affect", "is it safe with", "does magnesium help"];
        string[] subjects = ["jet lag", "night shifts", "restless legs", "migraines", "anxiety attacks", "my dog", "teenagers", "pregnancy nausea", "muscle cramps", "snoring", "sleep apnea", "tinnitus", "ADHD", "menopause", "back pain", "focus at work", "dreams", "waking at 3am", "coffee", "alcohol"];
        var texts = Enumerable.Range(0, ModeratorReports.MaxQuestions)
            .Select(i => $"{openings[i % openings.Length]} {subjects[i / openings.Length % subjects.Length]} {(i < 200 ? "" : $"case {i}")}".Trim())
            .ToArray();
        var lexical = Measure.Milliseconds(() => new QuestionGrouper(null).Group(texts));
        var embedder = new MiniLmEmbedder();
        embedder.Warm();
        var semantic = Measure.Milliseconds(() => new QuestionGrouper(embedder).Group(texts));
        return (lexical, semantic);
    }

    private static double ObserverCost()
    {
        var options = Options.Create(new QuestionLogOptions { UserIdKey = new string('k', 40), QueueCapacity = ObserverCalls });
        var queue = new QuestionLogQueue(ObserverCalls);
        var observer = new QuestionLogObserver(queue, new UserIdHasher(options, NullLogger<UserIdHasher>.Instance), options, TimeProvider.System);
        var reply = new Reply { Id = "0123456789abcdef", Outcome = ReplyOutcome.Answer, EntryId = "study-dose", Confidence = 0.7, Caveats = ["c"], DoctorAdvice = "d", Text = "t" };
        var question = new AnsweredQuestion("how much magnesium l-threonate should I take before bed", new AskContext("discord", "123456789012345678"), reply);
        for (var i = 0; i < 1000; i++)
        {
            observer.Answered(question);
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < ObserverCalls - 1000; i++)
        {
            observer.Answered(question);
        }

        return watch.Elapsed.TotalNanoseconds / (ObserverCalls - 1000);
    }

    private static async Task<double> ThroughputAsync(QuestionLogStore store)
    {
        await using (store)
        {
            var options = Options.Create(new QuestionLogOptions { QueueCapacity = Records });
            var queue = new QuestionLogQueue(Records);
            var writer = new QuestionLogWriter(queue, store, options, TimeProvider.System, NullLogger<QuestionLogWriter>.Instance);
            await store.EnsureSchemaAsync(CancellationToken.None);
            using var stop = new CancellationTokenSource();
            var watch = Stopwatch.StartNew();
            var run = writer.RunAsync(stop.Token);
            for (var i = 0; i < Records; i++)
            {
                queue.TryAdd(new LoggedQuestion(DateTimeOffset.UtcNow, "discord", "no_answer", null, 0.31, "v1", [], i.ToString("x16"), "hash", $"question number {i} about sleep and magnesium"));
            }

            while (writer.Written + writer.Dropped < Records)
            {
                await Task.Delay(5);
            }

            var seconds = watch.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await run;
            return writer.Written / seconds;
        }
    }

    private static async Task<double> PostgresAsync(string server)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..8];
        await using var admin = NpgsqlDataSource.Create(server);
        await admin.CreateCommand($"CREATE SCHEMA {schema}").ExecuteNonQueryAsync();
        try
        {
            return await ThroughputAsync(PostgresQuestionLogStore.Create(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString()));
        }
        finally
        {
            await admin.CreateCommand($"DROP SCHEMA {schema} CASCADE").ExecuteNonQueryAsync();
        }
    }
}
