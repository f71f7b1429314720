namespace ChatBot.Discord.Handling;

/// <summary>
/// Remembers event ids for a while: Discord may deliver an event more than once (and a RESUME replays
/// events), but each message or interaction is answered once.
/// </summary>
internal sealed class Deduplicator
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(15);
    private readonly TimeProvider _time;
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, long At)> _order = new();
    private readonly object _lock = new();

    public Deduplicator(TimeProvider time) => _time = time;

    /// <summary>True the first time an id is seen within the window.</summary>
    public bool FirstTime(string id)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            while (_order.TryPeek(out var oldest) && (_time.GetElapsedTime(oldest.At, now) > Keep || _order.Count > 100_000))
            {
                _order.Dequeue();
                _seen.Remove(oldest.Id);
            }

            if (!_seen.TryAdd(id, now))
            {
                return false;
            }

            _order.Enqueue((id, now));
            return true;
        }
    }
}
