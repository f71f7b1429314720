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

    /// <summary>
    /// Gives up a claim this instance was granted: every one of <paramref name="keys"/> may be claimed again at once,
    /// here or by another instance. For work that was claimed but not done (a reply that never went out), so that
    /// the platform's next delivery of it is handled. When the shared store cannot be reached the keys stay claimed
    /// until they expire; the failure is logged and counted.
    /// </summary>
    ValueTask ReleaseAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Waits until no other instance holds the lock <paramref name="name"/>, then holds it until disposed.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken);
}
