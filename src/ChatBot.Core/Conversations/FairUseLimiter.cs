using Microsoft.Extensions.Options;

namespace ChatBot.Core.Conversations;

/// <summary>
/// Fair use per person and per channel: a token bucket for each (<see cref="FairUseOptions"/>). A question is
/// allowed when both buckets have a token. Over the limit, the person (or the busy channel) hears it once
/// (<see cref="FairUseVerdict.Notice"/>, claimed by <see cref="TryClaimNotice"/> when the notice is actually sent) and then
/// nothing until a question is allowed again — never a queue answered later. Memory is
/// bounded: full buckets are forgotten (they would behave the same recreated), and at <see cref="FairUseOptions.MaxTracked"/>
/// the longest idle go first.
/// </summary>
/// <remarks>
/// Written on TimeProvider rather than System.Threading.RateLimiting, whose limiters read the system clock:
/// the limits are tested with a fake clock, and the "told once" state needs its own entry per person anyway.
/// </remarks>
public sealed class FairUseLimiter(IOptions<FairUseOptions> options, TimeProvider time)
{
    private const int SweepEvery = 4096;
    private readonly FairUseOptions _options = options.Value;
    private readonly Dictionary<string, Tracked> _tracked = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _sinceSweep;

    /// <summary>People and channels currently tracked.</summary>
    public int TrackedCount
    {
        get
        {
            lock (_lock)
            {
                return _tracked.Count;
            }
        }
    }

    /// <param name="user">The asker, qualified by platform (e.g. <c>discord:123</c>).</param>
    /// <param name="channel">The channel, qualified by platform; null for the console.</param>
    public FairUseDecision Check(string user, string? channel)
    {
        if (!_options.Enabled)
        {
            return FairUseDecision.Allowed;
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            SweepIfDue(now);
            var person = Get("u:" + user, _options.PerUserBurst, _options.PerUserPerMinute, now);
            var place = channel is null ? null : Get("c:" + channel, _options.PerChannelBurst, _options.PerChannelPerMinute, now);
            var personOk = person.Bucket.TryTake(now);
            var placeOk = place?.Bucket.TryTake(now) ?? true;
            if (personOk && placeOk)
            {
                person.Noticed = false;
                if (place is not null)
                {
                    place.Noticed = false;
                }

                return FairUseDecision.Allowed;
            }

            if (personOk)
            {
                person.Bucket.GiveBack();
            }

            if (placeOk)
            {
                place?.Bucket.GiveBack();
            }

            var retry = new[] { personOk ? TimeSpan.Zero : person.Bucket.UntilNext(now), placeOk ? TimeSpan.Zero : place!.Bucket.UntilNext(now) }.Max();
            var refusing = new List<string>(2);
            if (!personOk)
            {
                refusing.Add("u:" + user);
            }

            if (!placeOk)
            {
                refusing.Add("c:" + channel);
            }

            var told = refusing.Any(k => _tracked.TryGetValue(k, out var t) && t.Noticed);
            return new FairUseDecision(told ? FairUseVerdict.Silent : FairUseVerdict.Notice, retry) { Refusing = refusing };
        }
    }

    /// <summary>
    /// Claims the one notice for this refusal: true (and the refusing buckets marked told) when none of them was
    /// told yet, false when another refusal already took it. Atomic, so two workers refusing the same person at
    /// once send one notice between them. Called only when the notice will be sent.
    /// </summary>
    public bool TryClaimNotice(FairUseDecision decision)
    {
        lock (_lock)
        {
            var buckets = decision.Refusing.Select(k => _tracked.GetValueOrDefault(k)).OfType<Tracked>().ToArray();
            if (buckets.Any(b => b.Noticed))
            {
                return false;
            }

            foreach (var bucket in buckets)
            {
                bucket.Noticed = true;
            }

            return true;
        }
    }

    private Tracked Get(string key, int burst, double perMinute, DateTimeOffset now)
    {
        if (!_tracked.TryGetValue(key, out var tracked))
        {
            tracked = new Tracked(new TokenBucket(burst, perMinute / 60, now));
            _tracked[key] = tracked;
        }

        return tracked;
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        if (++_sinceSweep < SweepEvery && _tracked.Count < _options.MaxTracked)
        {
            return;
        }

        _sinceSweep = 0;
        foreach (var (key, _) in _tracked.Where(t => t.Value.Bucket.IsFull(now)).ToArray())
        {
            _tracked.Remove(key);
        }

        var excess = _tracked.Count - (_options.MaxTracked * 9 / 10);
        if (excess > 0)
        {
            foreach (var (key, _) in _tracked.OrderBy(t => t.Value.Bucket.LastUsed).Take(excess).ToArray())
            {
                _tracked.Remove(key);
            }
        }
    }

    private sealed class Tracked(TokenBucket bucket)
    {
        public TokenBucket Bucket { get; } = bucket;

        /// <summary>Told of the limit since the last allowed question (of this person, or in this channel).</summary>
        public bool Noticed { get; set; }
    }
}
