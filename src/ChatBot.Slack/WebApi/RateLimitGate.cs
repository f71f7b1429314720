using System.Collections.Concurrent;

namespace ChatBot.Slack.WebApi;

/// <summary>
/// When a Web API call may go: after Slack's <c>Retry-After</c> (per method, as Slack's tiers are per method and
/// workspace, and for <c>chat.postMessage</c> per channel too, its special limit), and, for a paced key, no sooner
/// than its spacing after the key's previous call. Slack allows about one message a second per channel; pacing
/// keeps a busy channel under that instead of answering its bursts with 429s. A key waits only for itself.
/// </summary>
public sealed class RateLimitGate(TimeProvider time)
{
    /// <summary>Past this many keys, those free again are forgotten (one entry per channel ever posted to).</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time;

    public static string Key(string method, string? channel) =>
        channel is not null && method == "chat.postMessage" ? method + "|" + channel : method;

    public void Block(string key, TimeSpan retryAfter)
    {
        var until = _time.GetUtcNow() + retryAfter;
        _blockedUntil.AddOrUpdate(key, until, (_, existing) => existing > until ? existing : until);
    }

    /// <summary>Time left before <paramref name="key"/> may be called again (zero when free).</summary>
    public TimeSpan Remaining(string key) =>
        _blockedUntil.TryGetValue(key, out var until) && until > _time.GetUtcNow() ? until - _time.GetUtcNow() : TimeSpan.Zero;

    public async Task WaitAsync(string key, CancellationToken cancellationToken)
    {
        for (var left = Remaining(key); left > TimeSpan.Zero; left = Remaining(key))
        {
            await Task.Delay(left, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until <paramref name="key"/> is free, then takes its turn: the next caller on the key waits
    /// <paramref name="spacing"/> from now (zero: no pacing, only <c>Retry-After</c>). Callers racing for one
    /// key go one at a time, each a spacing after the one before.
    /// </summary>
    public async Task WaitTurnAsync(string key, TimeSpan spacing, CancellationToken cancellationToken)
    {
        do
        {
            await WaitAsync(key, cancellationToken).ConfigureAwait(false);
        }
        while (spacing > TimeSpan.Zero && !TryTakeTurn(key, spacing));
    }

    /// <summary>Books the key's next turn unless someone else took this one first (or Slack blocked the key meanwhile).</summary>
    private bool TryTakeTurn(string key, TimeSpan spacing)
    {
        var now = _time.GetUtcNow();
        if (_blockedUntil.Count > SweepAbove)
        {
            foreach (var (stale, until) in _blockedUntil.Where(e => e.Value <= now).ToList())
            {
                _blockedUntil.TryRemove(new KeyValuePair<string, DateTimeOffset>(stale, until));
            }
        }

        if (!_blockedUntil.TryGetValue(key, out var blockedUntil))
        {
            return _blockedUntil.TryAdd(key, now + spacing);
        }

        return blockedUntil <= now && _blockedUntil.TryUpdate(key, now + spacing, blockedUntil);
    }

    /// <summary>Parses <c>Retry-After</c> (delta seconds or HTTP date); falls back when absent or odd.</summary>
    public static TimeSpan ParseRetryAfter(System.Net.Http.Headers.RetryConditionHeaderValue? header, DateTimeOffset now, TimeSpan fallback)
    {
        if (header?.Delta is { } delta && delta >= TimeSpan.Zero)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return fallback;
    }
}
