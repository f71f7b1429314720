using System.Diagnostics;

namespace ChatBot.Testing;

/// <summary>
/// Waits for something to become true by polling it, instead of sleeping a fixed time: a test goes on the
/// moment it holds, and fails naming what it waited for when it never does.
/// </summary>
public static class Eventually
{
    /// <summary>
    /// Long enough for a knowledge reload with its gate while all four test projects share two cores (over 15 s has been
    /// seen); a passing wait returns the moment its condition holds, so the limit costs a passing run nothing.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var start = Stopwatch.GetTimestamp();
        while (!await condition().ConfigureAwait(false))
        {
            if (Stopwatch.GetElapsedTime(start) > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for: {what}");
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }
}
