namespace ChatBot.Core.Delivery;

/// <summary>
/// One lane per destination (a channel, a DM): sends on a lane leave one at a time and in the order posted, so
/// a conversation reads in order; different lanes never wait for each other, so a channel held up by its
/// platform rate limit delays nobody else. Urgent sends (red-flag guidance) go ahead of ordinary ones still
/// queued on their lane. Posting never waits: the caller's worker is free for the next event at once. An idle
/// lane is dropped, so memory follows the number of destinations with something in flight, and a lane holds at
/// most <see cref="MaxWaitingPerLane"/> ordinary sends: beyond that a new one is refused (reported as failed),
/// never queued to be answered minutes later. Urgent sends are always taken.
/// </summary>
public sealed class SendLanes
{
    public const int MaxWaitingPerLane = 50;

    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Sends posted and not finished yet, across all lanes.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _lanes.Values.Sum(l => l.Count + 1);
            }
        }
    }

    /// <param name="destination">The lane: a channel id, or a DM's key.</param>
    /// <param name="urgent">Goes ahead of ordinary sends already waiting on this lane.</param>
    /// <param name="send">The send itself; it runs after every earlier send of the lane (urgent ones aside) finished.</param>
    /// <param name="failed">Told of an exception <paramref name="send"/> threw; the lane goes on with the next send.</param>
    public void Post(string destination, bool urgent, Func<CancellationToken, Task> send, Action<Exception> failed, CancellationToken cancellationToken)
    {
        var item = new Item(send, failed, cancellationToken);
        lock (_lock)
        {
            if (_lanes.TryGetValue(destination, out var lane))
            {
                if (urgent || lane.Count < MaxWaitingPerLane)
                {
                    lane.Add(item, urgent);
                    return;
                }

                Report(item, new LaneFullException(destination));
                return;
            }

            _lanes[destination] = new Lane();
        }

        _ = Task.Run(() => DrainAsync(destination, item), CancellationToken.None);
    }

    private async Task DrainAsync(string destination, Item first)
    {
        for (var item = first; item is not null; item = Next(destination))
        {
            try
            {
                item.CancellationToken.ThrowIfCancellationRequested();
                await item.Send(item.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (item.CancellationToken.IsCancellationRequested)
            {
                // Shutting down: what was not sent is dropped with the lane.
            }
#pragma warning disable CA1031 // A failed send is reported to its adapter; the lane must go on for the others.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Report(item, exception);
            }
        }
    }

    /// <summary>Tells the adapter; a reporter that throws must not stop the lane (its later sends would wait for ever).</summary>
    private static void Report(Item item, Exception exception)
    {
        try
        {
            item.Failed(exception);
        }
#pragma warning disable CA1031 // See above: nothing may escape the lane's loop.
        catch (Exception)
#pragma warning restore CA1031
        {
            // The adapter's own reporting failed; the send is lost either way.
        }
    }

    private Item? Next(string destination)
    {
        lock (_lock)
        {
            var lane = _lanes[destination];
            if (lane.TryTake(out var item))
            {
                return item;
            }

            _lanes.Remove(destination);
            return null;
        }
    }

    private sealed record Item(Func<CancellationToken, Task> Send, Action<Exception> Failed, CancellationToken CancellationToken);

    /// <summary>What waits on one destination behind the send in flight: urgent first, each kind in order.</summary>
    private sealed class Lane
    {
        private readonly Queue<Item> _urgent = new();
        private readonly Queue<Item> _ordinary = new();

        public int Count => _urgent.Count + _ordinary.Count;

        public void Add(Item item, bool urgent) => (urgent ? _urgent : _ordinary).Enqueue(item);

        public bool TryTake(out Item item) => _urgent.TryDequeue(out item!) || _ordinary.TryDequeue(out item!);
    }
}
