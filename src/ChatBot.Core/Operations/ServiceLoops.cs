namespace ChatBot.Core.Operations;

/// <summary>
/// Runs the loops of one service (socket slots, shards, workers) as one task. It ends when every loop has ended;
/// but the first loop to fail ends the others at once (the token they were given is cancelled), and its exception
/// is thrown once they have wound down. So a fatal error in one loop stops the service without waiting for the
/// other loops to finish on their own, which healthy ones never do.
/// </summary>
public static class ServiceLoops
{
    /// <param name="count">How many loops.</param>
    /// <param name="loop">One loop, given its index (0 to <paramref name="count"/> − 1) and the token that ends it.</param>
    public static async Task RunAsync(int count, Func<int, CancellationToken, Task> loop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loop);
        using var together = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = Enumerable.Range(0, count).Select(index => Task.Run(() => loop(index, together.Token), CancellationToken.None)).ToList();
        try
        {
            while (running.Count > 0)
            {
                var ended = await Task.WhenAny(running).ConfigureAwait(false);
                running.Remove(ended);
                await ended.ConfigureAwait(false);
            }
        }
        finally
        {
            // After a failure (or the stop), the rest end through their token; how they end adds nothing.
            await together.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
