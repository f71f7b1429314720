using System.Diagnostics;
using System.Globalization;
using ChatBot.Host;
using ChatBot.Testing;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Benchmarks;

/// <summary>
/// 1,000 mentions through the fake Slack socket into the real host and engine: all must be answered
/// exactly once. Reports throughput, event-to-reply latency (p50/p99; no simulated rate limits) and
/// peak RSS of the process (bot and fake together).
/// </summary>
public static class SlackBenchmark
{
    private const int Mentions = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.FirstOrDefault() ?? "Lexical";
        await using var fake = await FakeSlackServer.StartAsync();
        fake.AckTimeout = TimeSpan.FromSeconds(3);
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-bench-token",
            ["Slack:AppToken"] = "xapp-bench-token",
            ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Slack:Connections"] = "2",
            ["Slack:ConnectionStagger"] = "00:00:00",
            // A capacity test: no per-channel pacing and no fair-use limit (one user asks everything here).
            ["Slack:ChannelPostInterval"] = "00:00:00",
            ["FairUse:Enabled"] = "false",
            ["Knowledge:Path"] = Path.Combine(RepoRoot(), "knowledge"),
            ["Retrieval:Mode"] = mode,
            ["Console:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        using var host = ChatBotHostBuilder.Create([], settings).Build();
        await host.StartAsync();
        await Eventually.TrueAsync(() => fake.LiveSockets.Count == 2, "sockets", TimeSpan.FromSeconds(60));

        var rows = new List<string>();
        await WarmUpAsync(fake);
        rows.Add(await RunOnceAsync(fake, "burst (all sent at once)", 0, 1));
        rows.Add(await RunOnceAsync(fake, "paced (one event every 5 ms)", 5, 2));
        // Safety patterns run 2,000 times are compiled in the background, which falls in the run above: the same run
        // again shows the steady state after that one-off cost.
        rows.Add(await RunOnceAsync(fake, "paced again, busy patterns compiled", 5, 3));
        var rss = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

        Console.WriteLine($"Slack adapter, {Mentions} mentions per run over 20 channels, retrieval {mode}, {Environment.ProcessorCount} cores, 2 sockets, no simulated rate limits");
        Console.WriteLine();
        Console.WriteLine("| run | answered once | duplicates | throughput (msg/s) | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak RSS (bot + fake Slack in one process): {rss:F0} MB"));
        await host.StopAsync();
        return 0;
    }

    private static async Task WarmUpAsync(FakeSlackServer fake)
    {
        for (var i = 0; i < 50; i++)
        {
            await fake.SendEnvelopeAsync(SlackFrames.Mention("warm up " + i, $"1600000000.{i:D6}", channel: Channel(i)));
        }

        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Count() >= 50, "warm-up", TimeSpan.FromSeconds(60));
    }

    private static async Task<string> RunOnceAsync(FakeSlackServer fake, string name, int gapMs, int run)
    {
        var before = fake.Delivered("chat.postMessage").Count();
        var envelopeByTs = new Dictionary<string, string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Mentions; i++)
        {
            var ts = $"17{run:D2}000000.{i:D6}";
            // Distinct texts (no remembered vector) over 20 channels, as the Discord benchmark sends them.
            var envelope = SlackFrames.Mention($"{Questions[i % Questions.Length]} (question {i})", ts, channel: Channel(i));
            envelopeByTs[ts] = (string)envelope["envelope_id"]!;
            await fake.SendEnvelopeAsync(envelope);
            if (gapMs > 0)
            {
                await Task.Delay(gapMs);
            }
        }

        var sent = clock.Elapsed;
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Count() >= before + Mentions, name, TimeSpan.FromSeconds(300));
        var elapsed = clock.Elapsed;
        var sendRate = Mentions / sent.TotalSeconds;
        await Task.Delay(500);

        var replies = fake.Delivered("chat.postMessage").Where(c => c.Str("thread_ts") is { } t && envelopeByTs.ContainsKey(t)).ToList();
        var distinct = replies.Select(c => c.Str("thread_ts")).Distinct().Count();
        var latencies = replies
            .GroupBy(c => c.Str("thread_ts")!)
            .Select(g => Stopwatch.GetElapsedTime(fake.SentAt[envelopeByTs[g.Key]], g.Min(c => c.Timestamp)).TotalMilliseconds)
            .Order()
            .ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name}, sent at {sendRate:F0}/s | {distinct}/{Mentions} | {replies.Count - distinct} | {Mentions / elapsed.TotalSeconds:F0} | {Pct(latencies, 0.50):F1} | {Pct(latencies, 0.99):F1} | {latencies[^1]:F1} |");
    }

    private static string Channel(int i) => $"C0CHAN{i % 20:D4}";

    private static double Pct(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatBot.sln not found");
    }

    private static readonly string[] Questions =
    [
        "Does magnesium L-threonate help sleep?",
        "how much should I take",
        "what are the side effects of magnesium threonate",
        "is it better than magnesium glycinate",
        "who should not take magnesium",
        "what did the study find",
    ];
}
