using System.Collections.Concurrent;
using ChatBot.Core.Delivery;

namespace ChatBot.Core.Tests.Delivery;

public sealed class SendLanesTests
{
    private readonly SendLanes _lanes = new();
    private readonly ConcurrentQueue<string> _sent = new();

    [Fact]
    public async Task Sends_on_one_lane_leave_in_order_and_an_urgent_one_goes_ahead_of_those_waiting()
    {
        var gate = new TaskCompletionSource();
        _lanes.Post("c1", urgent: false, async _ => { await gate.Task; _sent.Enqueue("first"); }, Fail, CancellationToken.None);
        Post("c1", "second");
        Post("c1", "third");
        Post("c1", "urgent", urgent: true);

        gate.SetResult();
        await Eventually.TrueAsync(() => _sent.Count == 4, "all four sent");

        Assert.Equal(["first", "urgent", "second", "third"], _sent);
    }

    [Fact]
    public async Task A_lane_held_up_delays_no_other_lane()
    {
        var held = new TaskCompletionSource();
        _lanes.Post("busy", urgent: false, _ => held.Task, Fail, CancellationToken.None);

        Post("dm", "dm answer");
        await Eventually.TrueAsync(() => _sent.Contains("dm answer"), "the DM answer sent");

        Assert.Equal(1, _lanes.Pending);
        held.SetResult();
        await Eventually.TrueAsync(() => _lanes.Pending == 0, "no lane pending");
    }

    [Fact]
    public async Task A_failed_send_is_reported_and_the_lane_goes_on()
    {
        var failures = new ConcurrentQueue<Exception>();
        _lanes.Post("c1", urgent: false, _ => throw new InvalidOperationException("boom"), failures.Enqueue, CancellationToken.None);
        Post("c1", "after");

        await Eventually.TrueAsync(() => _sent.Contains("after"), "the message after sent");

        Assert.IsType<InvalidOperationException>(Assert.Single(failures));
    }

    [Fact]
    public async Task A_failure_reporter_that_throws_does_not_stop_the_lane()
    {
        _lanes.Post("c1", urgent: false, _ => throw new InvalidOperationException("boom"), _ => throw new InvalidOperationException("reporter broke"), CancellationToken.None);
        Post("c1", "after");

        await Eventually.TrueAsync(() => _sent.Contains("after"), "the message after sent");
    }

    [Fact]
    public async Task A_full_lane_refuses_more_ordinary_sends_but_always_takes_an_urgent_one()
    {
        var held = new TaskCompletionSource();
        var refused = new ConcurrentQueue<Exception>();
        _lanes.Post("busy", urgent: false, _ => held.Task, Fail, CancellationToken.None);
        for (var i = 0; i < SendLanes.MaxWaitingPerLane + 5; i++)
        {
            _lanes.Post("busy", urgent: false, _ => Task.CompletedTask, refused.Enqueue, CancellationToken.None);
        }

        Post("busy", "urgent", urgent: true);
        held.SetResult();
        await Eventually.TrueAsync(() => _sent.Contains("urgent"), "the urgent message sent");

        Assert.Equal(5, refused.Count);
        Assert.All(refused, e => Assert.IsType<LaneFullException>(e));
    }

    private void Post(string lane, string text, bool urgent = false) =>
        _lanes.Post(lane, urgent, _ => { _sent.Enqueue(text); return Task.CompletedTask; }, Fail, CancellationToken.None);

    private static void Fail(Exception exception) => Assert.Fail(exception.ToString());
}
