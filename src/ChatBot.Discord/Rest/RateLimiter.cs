using System.Collections.Concurrent;
using ChatBot.Discord.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Rest;

/// <summary>
/// The process-wide rate-limit state: buckets keyed by Discord's bucket hash (or the route until the
/// hash is known) plus the major parameter, the global requests-per-second limit (50 on Discord), a global pause after a
/// global 429, and a counter of invalid responses that keeps us far from Cloudflare's ban threshold.
/// Two pauses: the bot's global limit binds bot-token routes only (interaction callbacks and webhooks are outside
/// it, as Discord documents), while a Cloudflare block (<see cref="PauseAll"/>) is on the whole IP, so every
/// request waits it out.
/// </summary>
internal sealed partial class RateLimiter
{
    private const int InvalidAlarm = 1_000;
    private const int InvalidStop = 5_000;
    private static readonly TimeSpan InvalidWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Buckets unused this long are forgotten: interaction follow-ups get a bucket per interaction token, so
    /// a bot running for months would otherwise keep every token it ever answered.
    /// </summary>
    private static readonly TimeSpan ForgetIdleAfter = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, string> _hashes = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new();
    private readonly TimeProvider _time;
    private readonly ILogger<RateLimiter> _logger;
    private readonly object _lock = new();
    private readonly int _globalPerSecond;
    private long _globalPausedUntil;
    private long _allPausedUntil;
    private long _windowStart;
    private int _windowCount;
    private long _invalidWindowStart;
    private int _invalidCount;
    private long _lastSweep;

    public RateLimiter(TimeProvider time, IOptions<DiscordOptions> options, ILogger<RateLimiter> logger)
    {
        _globalPerSecond = options.Value.GlobalRequestsPerSecond;
        _time = time;
        _logger = logger;
        _windowStart = time.GetTimestamp();
        _invalidWindowStart = _windowStart;
        _lastSweep = _windowStart;
    }

    /// <summary>Buckets remembered now.</summary>
    public int BucketCount => _buckets.Count;

    public RateLimitBucket BucketFor(DiscordRoute route)
    {
        SweepWhenDue();
        var key = (_hashes.TryGetValue(route.RouteKey, out var hash) ? hash : route.RouteKey) + "|" + route.MajorParameter;
        return _buckets.GetOrAdd(key, _ => new RateLimitBucket());
    }

    /// <summary>
    /// Waits until this request may go: bucket window, a Cloudflare pause (every route), and for bot routes the
    /// global pause and global per-second budget.
    /// </summary>
    public async Task WaitTurnAsync(DiscordRoute route, RateLimitBucket? bucket, CancellationToken cancellationToken)
    {
        while (true)
        {
            var delay = bucket?.DelayNeeded(_time) ?? TimeSpan.Zero;
            if (delay <= TimeSpan.Zero)
            {
                delay = PausedFor(ref _allPausedUntil);
            }

            if (delay <= TimeSpan.Zero && route.Kind == RouteKind.Bot)
            {
                delay = GlobalDelay();
            }

            if (delay <= TimeSpan.Zero)
            {
                bucket?.Consume(_time);
                return;
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Observe(DiscordRoute route, RateLimitBucket? bucket, RateLimitHeaders headers)
    {
        if (bucket is null)
        {
            return;
        }

        bucket.Update(headers.Remaining, headers.ResetAfter, _time);
        if (headers.Bucket is { Length: > 0 } hash && _hashes.TryAdd(route.RouteKey, hash))
        {
            // Later requests use the hash-keyed bucket; give it what we just learnt.
            BucketFor(route).Update(headers.Remaining, headers.ResetAfter, _time);
        }
    }

    /// <summary>After a 429 on the bot's global limit: holds bot-token routes only.</summary>
    public void PauseGlobal(TimeSpan delay) => Pause(ref _globalPausedUntil, delay);

    /// <summary>After a Cloudflare 429, or too many invalid responses: the IP is blocked, so every route waits.</summary>
    public void PauseAll(TimeSpan delay) => Pause(ref _allPausedUntil, delay);

    private void Pause(ref long pausedUntil, TimeSpan delay)
    {
        var until = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
        lock (_lock)
        {
            pausedUntil = Math.Max(pausedUntil, until);
        }
    }

    private TimeSpan PausedFor(ref long pausedUntil)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            return pausedUntil > now ? TimeSpan.FromSeconds((double)(pausedUntil - now) / _time.TimestampFrequency) : TimeSpan.Zero;
        }
    }

    /// <summary>Counts a 401/403/429 (shared-scope 429s do not count, as on Discord's side).</summary>
    public void CountInvalid()
    {
        int count;
        lock (_lock)
        {
            if (_time.GetElapsedTime(_invalidWindowStart) > InvalidWindow)
            {
                _invalidWindowStart = _time.GetTimestamp();
                _invalidCount = 0;
            }

            count = ++_invalidCount;
        }

        if (count == InvalidAlarm)
        {
            LogInvalidAlarm(count);
        }
        else if (count >= InvalidStop)
        {
            // Cloudflare counts invalid responses per IP, and its ban would stop every route.
            PauseAll(InvalidWindow - _time.GetElapsedTime(_invalidWindowStart));
        }
    }

    private void SweepWhenDue()
    {
        lock (_lock)
        {
            if (_time.GetElapsedTime(_lastSweep) < SweepEvery)
            {
                return;
            }

            _lastSweep = _time.GetTimestamp();
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsIdle(_time, ForgetIdleAfter))
            {
                _buckets.TryRemove(new KeyValuePair<string, RateLimitBucket>(key, bucket));
            }
        }
    }

    private TimeSpan GlobalDelay()
    {
        var paused = PausedFor(ref _globalPausedUntil);
        if (paused > TimeSpan.Zero)
        {
            return paused;
        }

        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_windowStart, now);
            if (elapsed >= TimeSpan.FromSeconds(1))
            {
                _windowStart = now;
                _windowCount = 0;
            }

            if (_windowCount < _globalPerSecond)
            {
                _windowCount++;
                return TimeSpan.Zero;
            }

            return TimeSpan.FromSeconds(1) - elapsed;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: {Count} invalid (401/403/429) responses in 10 minutes; Discord bans an IP at 10,000.")]
    private partial void LogInvalidAlarm(int count);
}
