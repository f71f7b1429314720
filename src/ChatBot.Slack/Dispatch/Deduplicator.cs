using System.Collections.Concurrent;

namespace ChatBot.Slack.Dispatch;

/// <summary>
/// Remembers work keys for a TTL longer than Slack's last retry (~5 min in HTTP mode), across all
/// sockets and transports, so a redelivery or a copy on another socket is answered once.
/// </summary>
public sealed class Deduplicator
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private DateTimeOffset _nextSweep;

    public Deduplicator(TimeProvider time)
    {
        _time = time;
        _nextSweep = time.GetUtcNow() + Ttl;
    }

    /// <summary>True when none of the keys was seen before; then all are recorded.</summary>
    public bool FirstTime(IEnumerable<string> keys)
    {
        var now = _time.GetUtcNow();
        Sweep(now);
        var list = keys.ToList();
        var first = true;
        foreach (var key in list)
        {
            if (!_seen.TryAdd(key, now + Ttl) && _seen.TryGetValue(key, out var until) && until > now)
            {
                first = false;
            }
        }

        if (first)
        {
            foreach (var key in list)
            {
                _seen[key] = now + Ttl;
            }
        }

        return first;
    }

    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var (key, until) in _seen)
        {
            if (until <= now)
            {
                _seen.TryRemove(key, out _);
            }
        }
    }
}
