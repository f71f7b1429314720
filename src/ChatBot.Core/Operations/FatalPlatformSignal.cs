namespace ChatBot.Core.Operations;

/// <summary>
/// Where work that runs outside an adapter's service loop (a send lane's failure callback, a moderator-channel
/// notice, a start-up check) reports a <see cref="FatalPlatformException"/>. The host stops on it exactly as when
/// the exception ends a service. The first report counts; later ones are the same failure seen again.
/// </summary>
public sealed class FatalPlatformSignal
{
    private readonly TaskCompletionSource<FatalPlatformException> _raised = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the first error reported.</summary>
    public Task<FatalPlatformException> Raised => _raised.Task;

    public void Raise(FatalPlatformException error) => _raised.TrySetResult(error);
}
