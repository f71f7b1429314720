namespace ChatBot.Discord.Rest;

/// <summary>
/// One Discord rate-limit bucket (hash + major parameter). Requests on it run one at a time, so the
/// headers of one response govern the next request and replies stay in order.
/// </summary>
internal sealed class RateLimitBucket
{
    private readonly object _lock = new();
    private int _remaining = 1;
    private long _resetAt;
    private long _lastUsedAt;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public void Update(int? remaining, double? resetAfterSeconds, TimeProvider time)
    {
        if (remaining is null || resetAfterSeconds is null)
        {
            return;
        }

        lock (_lock)
        {
            _remaining = remaining.Value;
            _resetAt = time.GetTimestamp() + (long)(resetAfterSeconds.Value * time.TimestampFrequency);
            _lastUsedAt = time.GetTimestamp();
        }
    }

    /// <summary>Unused for <paramref name="idleFor"/>, its window over and nobody waiting: safe to forget.</summary>
    public bool IsIdle(TimeProvider time, TimeSpan idleFor)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            return Gate.CurrentCount == 1 && _resetAt <= now && time.GetElapsedTime(_lastUsedAt, now) > idleFor;
        }
    }

    public void Exhaust(TimeSpan delay, TimeProvider time)
    {
        lock (_lock)
        {
            _remaining = 0;
            _resetAt = time.GetTimestamp() + (long)(delay.TotalSeconds * time.TimestampFrequency);
        }
    }

    /// <summary>How long the next request must wait; zero when the bucket has room or its window is over.</summary>
    public TimeSpan DelayNeeded(TimeProvider time)
    {
        lock (_lock)
        {
            if (_remaining > 0)
            {
                return TimeSpan.Zero;
            }

            var left = _resetAt - time.GetTimestamp();
            if (left <= 0)
            {
                _remaining = 1;
                return TimeSpan.Zero;
            }

            return TimeSpan.FromSeconds((double)left / time.TimestampFrequency);
        }
    }

    /// <summary>Counts the request about to be sent against the bucket.</summary>
    public void Consume(TimeProvider time)
    {
        lock (_lock)
        {
            _lastUsedAt = time.GetTimestamp();
            if (_remaining > 0)
            {
                _remaining--;
            }
        }
    }
}
