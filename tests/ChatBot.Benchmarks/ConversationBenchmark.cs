using System.Diagnostics;
using ChatBot.Core.Conversations;
using Microsoft.Extensions.Options;

namespace ChatBot.Benchmarks;

/// <summary>
/// What fair use and follow-ups add to each message: the limiter's check, and the conversation lookup and
/// remember, with 100,000 people in 1,000 channels; and how much they keep.
/// </summary>
public static class ConversationBenchmark
{
    private const int People = 100_000;
    private const int Channels = 1_000;
    private const int Messages = 1_000_000;

    public static int Run()
    {
        var limiter = new FairUseLimiter(Options.Create(new FairUseOptions()), TimeProvider.System);
        var memory = new ConversationMemory(Options.Create(new ConversationOptions { MaxConversations = 10_000 }), TimeProvider.System);
        var users = Enumerable.Range(0, People).Select(i => $"discord:{i}").ToArray();
        var channels = Enumerable.Range(0, Channels).Select(i => $"discord:c{i}").ToArray();
        var random = new Random(20261202);
        var picks = Enumerable.Range(0, Messages).Select(_ => (random.Next(People), random.Next(Channels))).ToArray();
        var check = Stopwatch.StartNew();
        foreach (var (user, channel) in picks)
        {
            limiter.Check(users[user], channels[channel]);
        }

        check.Stop();
        var lookup = Stopwatch.StartNew();
        foreach (var (user, channel) in picks)
        {
            if (memory.Previous(channels[channel], users[user]) is null)
            {
                memory.Remember(channels[channel], users[user], "how much should i take?", "how-much-to-take");
            }
        }

        lookup.Stop();

        Console.WriteLine($"Machine: {Measure.Machine()}; {Messages:N0} messages from {People:N0} people in {Channels:N0} channels, one thread");
        Console.WriteLine();
        Console.WriteLine("| step | per message | held afterwards |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| fair-use check (person + channel buckets) | {Ns(check)} | {limiter.TrackedCount:N0} buckets (idle full ones are dropped) |");
        Console.WriteLine($"| follow-up lookup (+ remember on a miss) | {Ns(lookup)} | {memory.Count:N0} conversations |");
        Console.WriteLine($"| process peak working set | | {Measure.PeakRss()} |");
        return 0;
    }

    private static string Ns(Stopwatch watch) => $"{watch.Elapsed.TotalMilliseconds * 1_000_000 / Messages:0} ns";
}
