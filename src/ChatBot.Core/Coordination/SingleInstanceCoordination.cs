using System.Collections.Concurrent;

namespace ChatBot.Core.Coordination;

/// <summary>Coordination for one process: claims and locks in memory.</summary>
public sealed class SingleInstanceCoordination(TimeProvider time) : IInstanceCoordination
{
    private readonly TimeProvider _time = time;
    private readonly ConcurrentDictionary<TimeSpan, RecentKeys> _claims = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public string Description => "this process only";

    public ValueTask<bool> ClaimAsync(IReadOnlyCollection<string> keys, TimeSpan keep, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_claims.GetOrAdd(keep, k => new RecentKeys(_time, k)).FirstTime(keys));

    public ValueTask ReleaseAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var claims in _claims.Values)
        {
            claims.Forget(keys);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Held(gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
