namespace ChatBot.Discord.Gateway;

/// <summary>
/// One IDENTIFY per rate-limit key (<c>shard_id % max_concurrency</c>) per 5 seconds, process-wide,
/// and a refusal to IDENTIFY when the daily session-start budget runs low (exhausting it resets the token).
/// </summary>
internal sealed class IdentifyThrottle
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);
    private readonly TimeProvider _time;
    private readonly Dictionary<int, (SemaphoreSlim Gate, long Last)> _keys = [];
    private readonly object _lock = new();

    public IdentifyThrottle(TimeProvider time) => _time = time;

    public async Task WaitAsync(int shardId, SessionStartLimit limit, int minLeft, CancellationToken cancellationToken)
    {
        if (limit.Remaining < minLeft)
        {
            throw new DiscordFatalException(
                $"Discord session-start budget nearly exhausted ({limit.Remaining} of {limit.Total} left, resets in {TimeSpan.FromMilliseconds(limit.ResetAfter):hh\\:mm}): not identifying, to protect the token (Discord:MinSessionStartsLeft).");
        }

        var key = shardId % Math.Max(1, limit.MaxConcurrency);
        SemaphoreSlim gate;
        lock (_lock)
        {
            if (!_keys.TryGetValue(key, out var entry))
            {
                entry = (new SemaphoreSlim(1, 1), 0);
                _keys[key] = entry;
            }

            gate = entry.Gate;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long last;
            lock (_lock)
            {
                last = _keys[key].Last;
            }

            if (last != 0)
            {
                var wait = Spacing - _time.GetElapsedTime(last);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            lock (_lock)
            {
                _keys[key] = (gate, _time.GetTimestamp());
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
