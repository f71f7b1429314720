namespace ChatBot.Core.Coordination;

/// <summary>
/// Keys seen in this process for a while (at most <see cref="MaxKeys"/>, the oldest forgotten first):
/// a platform may deliver an event more than once (a RESUME replays, Slack retries, a copy arrives on
/// another socket), and each is handled once. Across processes, see <see cref="IInstanceCoordination"/>.
/// </summary>
public sealed class RecentKeys(TimeProvider time, TimeSpan keep)
{
    public const int MaxKeys = 100_000;

    private readonly TimeProvider _time = time;
    private readonly TimeSpan _keep = keep;
    private readonly Dictionary<string, long> _seenAt = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, long At)> _order = new();
    private readonly object _lock = new();

    /// <summary>True when no key was seen within the window (then all are remembered); false for a repeat.</summary>
    public bool FirstTime(params IEnumerable<string> keys)
    {
        var list = keys.Distinct(StringComparer.Ordinal).ToList();
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            Expire(now);
            if (list.Any(_seenAt.ContainsKey))
            {
                return false;
            }

            foreach (var key in list)
            {
                _seenAt[key] = now;
                _order.Enqueue((key, now));
            }

            return true;
        }
    }

    /// <summary>
    /// Forgets <paramref name="keys"/> at once: work that was taken but could not be done (its reply never went out)
    /// is new again when the platform delivers it once more.
    /// </summary>
    public void Forget(params IEnumerable<string> keys)
    {
        lock (_lock)
        {
            foreach (var key in keys)
            {
                // Its entry in _order stays until it ages out; Expire skips entries no longer in _seenAt.
                _seenAt.Remove(key);
            }
        }
    }

    private void Expire(long now)
    {
        while (_order.TryPeek(out var oldest) && (_time.GetElapsedTime(oldest.At, now) > _keep || _order.Count > MaxKeys))
        {
            _order.Dequeue();
            if (_seenAt.TryGetValue(oldest.Key, out var at) && at == oldest.At)
            {
                _seenAt.Remove(oldest.Key);
            }
        }
    }
}
