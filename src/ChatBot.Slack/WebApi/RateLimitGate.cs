using System.Collections.Concurrent;

namespace ChatBot.Slack.WebApi;

/// <summary>
/// Remembers Slack's <c>Retry-After</c>, so later calls wait instead of hammering: per method (Slack's tiers
/// are per method and workspace), and for <c>chat.postMessage</c> per channel too (its special limit).
/// </summary>
public sealed class RateLimitGate
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public RateLimitGate(TimeProvider time) => _time = time;

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
