namespace ChatBot.Core.Conversations;

/// <summary>
/// One token bucket, refilled continuously from timestamps (no timer): <see cref="TryTake"/> spends a token
/// when one is there. Not thread-safe; <see cref="FairUseLimiter"/> locks around it.
/// </summary>
internal sealed class TokenBucket(int capacity, double perSecond, DateTimeOffset now)
{
    private double _tokens = capacity;
    private DateTimeOffset _at = now;

    public DateTimeOffset LastUsed { get; private set; } = now;

    /// <summary>True when full again: forgetting it changes nothing.</summary>
    public bool IsFull(DateTimeOffset now) => Level(now) >= capacity;

    public bool TryTake(DateTimeOffset now)
    {
        _tokens = Level(now);
        _at = now;
        LastUsed = now;
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    /// <summary>How long until one token is there.</summary>
    public TimeSpan UntilNext(DateTimeOffset now) => TimeSpan.FromSeconds(Math.Max(0, (1 - Level(now)) / perSecond));

    /// <summary>Gives back a token taken for a question that another limit then refused.</summary>
    public void GiveBack() => _tokens = Math.Min(capacity, _tokens + 1);

    private double Level(DateTimeOffset now) => Math.Min(capacity, _tokens + Math.Max(0, (now - _at).TotalSeconds) * perSecond);
}
