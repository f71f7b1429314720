namespace ChatBot.Discord.Gateway;

/// <summary>A shard's turn to IDENTIFY: the lock on its rate-limit key, kept for <see cref="IdentifyThrottle.Spacing"/> after the IDENTIFY.</summary>
internal sealed class IdentifyTurn(IAsyncDisposable held, TimeProvider time)
{
    /// <summary>Call right after sending IDENTIFY (or failing to): the next shard of this key may go 5 seconds later.</summary>
    public void Sent() => _ = ReleaseAfterSpacingAsync();

    private async Task ReleaseAfterSpacingAsync()
    {
        try
        {
            await Task.Delay(IdentifyThrottle.Spacing, time).ConfigureAwait(false);
        }
        finally
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }
    }
}
