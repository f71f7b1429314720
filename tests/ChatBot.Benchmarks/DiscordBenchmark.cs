using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatBot.Host;
using ChatBot.Testing;
using ChatBot.Testing.Discord;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Benchmarks;

/// <summary>
/// 1,000 guild mentions through the fake Discord gateway into the production host (real engine):
/// every one must be answered exactly once. Reports throughput and event→reply latency measured at the
/// fake (dispatch sent → message POST received). The fake simulates no rate limits; the bot's own
/// client-side 50 requests/s budget (Discord's global limit) is lifted in the burst rows to show capacity.
/// </summary>
public static class DiscordBenchmark
{
    private const int Mentions = 1000;
    private const int Warmup = 50;
    private const int Channels = 20;

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"Machine: {Measure.Machine()}; {Mentions} guild mentions over {Channels} channels per scenario; the fake Discord runs in the same process");
        Console.WriteLine();
        Console.WriteLine("| retrieval | load | answered / replies | exactly once | throughput | p50 | p99 | max |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var ok = true;
        foreach (var (mode, paceMs) in new[] { ("Semantic", 50), ("Semantic", 25), ("Lexical", 25) })
        {
            if (paceMs == 50 || mode == "Lexical")
            {
                ok &= await RunScenarioAsync(mode, "burst of 1,000 (client 50 req/s budget lifted)", globalPerSecond: 100_000, paceMs: 0);
            }

            ok &= await RunScenarioAsync(mode, $"steady {1000 / paceMs} mentions/s (50 req/s budget)", globalPerSecond: 50, paceMs: paceMs);
            if (paceMs == 25 && mode == "Semantic")
            {
                // The rows before made the busy safety patterns hot: a bot that has run a while has them compiled.
                ok &= await RunScenarioAsync(mode, "burst of 1,000, busy patterns compiled (budget lifted)", globalPerSecond: 100_000, paceMs: 0);
            }
        }

        ok &= await RunScenarioAsync("Lexical", "burst of 1,000 (50 req/s budget)", globalPerSecond: 50, paceMs: 0);
        Console.WriteLine();
        Console.WriteLine($"Peak RSS (bot + fake Discord in one process, all scenarios): {Measure.PeakRss()}");
        return ok ? 0 : 1;
    }

    private static async Task<bool> RunScenarioAsync(string mode, string name, int globalPerSecond, int paceMs)
    {
        await using var fake = await FakeDiscord.StartAsync();
        var builder = ChatBotHostBuilder.Create([], new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Path.Combine(Root(), "knowledge"),
            ["Console:Enabled"] = "false",
            ["Retrieval:Mode"] = mode,
            ["Discord:Token"] = fake.Token,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Discord:GlobalRequestsPerSecond"] = globalPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A capacity test: fair use would (rightly) silence one account sending 1,000 mentions.
            ["FairUse:Enabled"] = "false",
        });
        builder.Logging.ClearProviders();
        using var host = builder.Build();
        await host.StartAsync();
        await Eventually.TrueAsync(() => fake.Gateway.IsReady, "gateway READY", TimeSpan.FromSeconds(60));

        var questions = new[]
        {
            "does magnesium l-threonate help sleep?", "how much should I take?", "can I take it with melatonin?",
            "what are the side effects?", "how long until it works?", "what is magnesium l-threonate?",
        };
        await SendAsync(fake, Warmup, questions, new Dictionary<string, long>(), 0);
        await Eventually.TrueAsync(() => fake.Messages.Count >= Warmup, "the warm-up replies", TimeSpan.FromSeconds(60));
        fake.Messages.Clear();

        var sentAt = new Dictionary<string, long>();
        var start = Stopwatch.GetTimestamp();
        await SendAsync(fake, Mentions, questions, sentAt, paceMs);
        await Eventually.TrueAsync(() => fake.Messages.Count >= Mentions, "a reply to every mention", TimeSpan.FromSeconds(300));
        await Task.Delay(500);
        var elapsed = Stopwatch.GetElapsedTime(start);

        var replies = fake.Messages.Where(m => m.Body["message_reference"] is not null).ToList();
        var byMessage = replies.GroupBy(m => m.Body["message_reference"]!["message_id"]!.GetValue<string>()).ToList();
        var latencies = byMessage.Where(g => sentAt.ContainsKey(g.Key))
            .Select(g => Stopwatch.GetElapsedTime(sentAt[g.Key], g.Min(m => m.At)).TotalMilliseconds)
            .ToList();
        var exactlyOnce = byMessage.Count == Mentions && byMessage.All(g => g.Count() == 1);

        Console.WriteLine($"| {mode} | {name} | {byMessage.Count} / {replies.Count} | {(exactlyOnce ? "yes" : "NO")} | {Mentions / (elapsed.TotalSeconds - 0.5):0} replies/s | "
            + $"{Measure.Ms(Measure.Percentile(latencies, 50))} | {Measure.Ms(Measure.Percentile(latencies, 99))} | {Measure.Ms(latencies.Max())} |");
        await host.StopAsync();
        return exactlyOnce;
    }

    private static async Task SendAsync(FakeDiscord fake, int count, string[] questions, Dictionary<string, long> sentAt, int paceMs)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            if (paceMs > 0)
            {
                var due = TimeSpan.FromMilliseconds(i * paceMs) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }
            }

            var id = fake.NewId();
            var mention = new JsonObject
            {
                ["id"] = id,
                ["channel_id"] = (1_110_000_000_000_000_100L + (i % Channels)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["guild_id"] = "1100000000000000001",
                // Many people, as in a real burst (one person's follow-ups are read with their previous question).
                ["author"] = new JsonObject { ["id"] = (1_050_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture), ["username"] = "nightowl", ["bot"] = false },
                // Every text distinct, so no reply reuses a remembered question vector.
                ["content"] = $"<@{fake.BotUserId}> {questions[i % questions.Length]} (question {i})",
                ["mentions"] = new JsonArray(new JsonObject { ["id"] = fake.BotUserId, ["bot"] = true }),
                ["mention_roles"] = new JsonArray(),
                ["type"] = 0,
            };
            sentAt[id] = Stopwatch.GetTimestamp();
            await fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        }
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
