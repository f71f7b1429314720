using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Safety;

/// <summary>
/// Compiles hot safety patterns one at a time on one background worker, so a burst that makes hundreds of
/// patterns hot at once does not flood the thread pool the answers run on. A pattern text compiled once is
/// reused by later knowledge versions (a reload rebuilds every pattern; most are unchanged).
/// </summary>
internal static class PatternCompiler
{
    private static readonly ConcurrentQueue<Action> Queue = new();
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options, TimeSpan Timeout), Regex> Compiled = new();
    private static int _working;

    public static Regex Compile(Regex interpreted) =>
        Compiled.GetOrAdd(Key(interpreted), static key => new Regex(key.Pattern, key.Options | RegexOptions.Compiled, key.Timeout));

    /// <summary>The compiled twin of a pattern text compiled before (by an earlier knowledge version), if any.</summary>
    public static Regex? CompiledBefore(Regex interpreted) =>
        Compiled.TryGetValue(Key(interpreted), out var compiled) ? compiled : null;

    private static (string Pattern, RegexOptions Options, TimeSpan Timeout) Key(Regex pattern) =>
        (pattern.ToString(), pattern.Options, pattern.MatchTimeout);

    public static void Enqueue(Action compile)
    {
        Queue.Enqueue(compile);
        if (Interlocked.CompareExchange(ref _working, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static _ => Drain(), null);
        }
    }

    private static void Drain()
    {
        while (true)
        {
            while (Queue.TryDequeue(out var compile))
            {
                compile();
            }

            Volatile.Write(ref _working, 0);
            // Something enqueued between the last dequeue and the reset would otherwise wait for the next pattern.
            if (Queue.IsEmpty || Interlocked.CompareExchange(ref _working, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
