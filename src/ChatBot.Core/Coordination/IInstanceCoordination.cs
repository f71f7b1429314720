namespace ChatBot.Core.Coordination;

/// <summary>
/// What several bot processes serving one Discord application or Slack app agree on: which of them
/// handles an event (a claim) and whose turn it is for something only one may do at a time (a lock).
/// One process alone needs nothing shared (<see cref="SingleInstanceCoordination"/>); several share
/// their PostgreSQL server.
/// </summary>
public interface IInstanceCoordination
{
    /// <summary>Where the coordination lives, for logs and <c>status</c>.</summary>
    string Description { get; }

    /// <summary>
    /// True for exactly one caller across all instances while the claim lasts: the first to claim any of
    /// <paramref name="keys"/> within <paramref name="keep"/>. When the shared store cannot be reached the
    /// answer is true (answering twice beats not answering) and the failure is logged and counted.
    /// </summary>
    ValueTask<bool> ClaimAsync(IReadOnlyCollection<string> keys, TimeSpan keep, CancellationToken cancellationToken);

    /// <summary>Waits until no other instance holds the lock <paramref name="name"/>, then holds it until disposed.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken);
}
