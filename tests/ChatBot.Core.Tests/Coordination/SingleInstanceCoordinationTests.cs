using ChatBot.Core.Coordination;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Coordination;

public sealed class SingleInstanceCoordinationTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_claim_is_granted_once_until_it_expires()
    {
        var coordination = new SingleInstanceCoordination(_time);
        var keep = TimeSpan.FromMinutes(30);

        Assert.True(await coordination.ClaimAsync(["reload:abc"], keep, CancellationToken.None));
        Assert.False(await coordination.ClaimAsync(["reload:abc"], keep, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.True(await coordination.ClaimAsync(["reload:abc"], keep, CancellationToken.None));
    }

    [Fact]
    public async Task A_lock_is_held_by_one_caller_until_released()
    {
        var coordination = new SingleInstanceCoordination(_time);
        var first = await coordination.AcquireAsync("identify:0", CancellationToken.None);

        var second = coordination.AcquireAsync("identify:0", CancellationToken.None).AsTask();
        var other = await coordination.AcquireAsync("identify:1", CancellationToken.None);
        await Task.Yield();
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await first.DisposeAsync();
        await (await second.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
        await other.DisposeAsync();
    }

    [Fact]
    public async Task A_released_claim_can_be_claimed_again_at_once()
    {
        var coordination = new SingleInstanceCoordination(_time);
        var keep = TimeSpan.FromMinutes(15);
        Assert.True(await coordination.ClaimAsync(["slack:ev:1", "slack:msg:C1:100.1"], keep, CancellationToken.None));
        Assert.True(await coordination.ClaimAsync(["slack:ev:2"], keep, CancellationToken.None));

        await coordination.ReleaseAsync(["slack:ev:1", "slack:msg:C1:100.1"], CancellationToken.None);

        Assert.True(await coordination.ClaimAsync(["slack:ev:1", "slack:msg:C1:100.1"], keep, CancellationToken.None));
        Assert.False(await coordination.ClaimAsync(["slack:ev:1"], keep, CancellationToken.None));
        Assert.False(await coordination.ClaimAsync(["slack:ev:2"], keep, CancellationToken.None));
    }
}
