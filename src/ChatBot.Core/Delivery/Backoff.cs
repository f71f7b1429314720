namespace ChatBot.Core.Delivery;

/// <summary>
/// How long to wait before retrying something that failed (a reconnect, a request, a write): exponential
/// backoff with full jitter. Before retry <c>n</c> the wait is uniformly random between zero and
/// <c>min(cap, first × 2^(n−1))</c>. The randomness spreads connections and instances that failed together (an
/// outage, a restart) so they do not all come back at the same moment; the cap bounds the wait in a long outage.
/// Each caller states its own first step and cap. A wait the server asks for (Retry-After, <c>retry_after</c>)
/// is not a backoff: callers honour it as given.
/// </summary>
public sealed class Backoff
{
    private readonly Random _random;

    /// <param name="first">The longest wait before the first retry; it doubles with each retry after that.</param>
    /// <param name="cap">The longest wait ever.</param>
    /// <param name="random">
    /// For tests (a seeded <see cref="Random"/>); <see cref="Random.Shared"/> otherwise. A seeded instance is not
    /// thread-safe, so it must not be shared by callers on several threads.
    /// </param>
    public Backoff(TimeSpan first, TimeSpan cap, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(first, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, first);
        First = first;
        Cap = cap;
        _random = random ?? Random.Shared;
    }

    public TimeSpan First { get; }

    public TimeSpan Cap { get; }

    /// <summary>The longest wait before retry <paramref name="attempt"/> (1 for the first; lower counts as 1).</summary>
    public TimeSpan Ceiling(int attempt)
    {
        // In doubles, so a long outage's doubling saturates at the cap instead of overflowing.
        var ticks = First.Ticks * Math.Pow(2, Math.Max(attempt, 1) - 1);
        return TimeSpan.FromTicks((long)Math.Min(ticks, Cap.Ticks));
    }

    /// <summary>How long to wait before retry <paramref name="attempt"/> (1 for the first; lower counts as 1).</summary>
    public TimeSpan Delay(int attempt) => TimeSpan.FromTicks((long)(Ceiling(attempt).Ticks * _random.NextDouble()));
}
