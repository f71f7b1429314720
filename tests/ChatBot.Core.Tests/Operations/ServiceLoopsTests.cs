using ChatBot.Core.Operations;

namespace ChatBot.Core.Tests.Operations;

public sealed class ServiceLoopsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_first_loop_to_fail_ends_the_others_and_its_error_is_thrown()
    {
        var othersEnded = 0;
        var run = ServiceLoops.RunAsync(3, async (index, token) =>
        {
            if (index == 1)
            {
                await Task.Yield();
                throw new FatalPlatformException("Test", "refused");
            }

            try
            {
                await Task.Delay(System.Threading.Timeout.Infinite, token);
            }
            finally
            {
                Interlocked.Increment(ref othersEnded);
            }
        }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<FatalPlatformException>(() => run.WaitAsync(Timeout));

        Assert.Equal("refused", error.Message);
        Assert.Equal(2, othersEnded);
    }

    [Fact]
    public async Task Loops_that_end_normally_leave_the_others_running_until_they_end_too()
    {
        var release = new TaskCompletionSource();
        var firstEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondEnded = false;
        var run = ServiceLoops.RunAsync(2, async (index, _) =>
        {
            if (index == 0)
            {
                await Task.Yield();
                firstEnded.SetResult();
                return;
            }

            await release.Task;
            secondEnded = true;
        }, CancellationToken.None);

        // Waits for the first loop to end rather than for a fixed time: a busy machine may start it late.
        await firstEnded.Task.WaitAsync(Timeout);
        await Task.Delay(50);
        Assert.False(run.IsCompleted);

        release.SetResult();
        await run.WaitAsync(Timeout);
        Assert.True(secondEnded);
    }

    [Fact]
    public async Task Stopping_ends_every_loop()
    {
        using var stop = new CancellationTokenSource();
        var run = ServiceLoops.RunAsync(2, (_, token) => Task.Delay(System.Threading.Timeout.Infinite, token), stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Timeout));
    }
}
