using System.Net.Http.Headers;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Slack.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Burst_of_429_and_500_every_reply_delivered_exactly_once_after_retry_after()
    {
        var clock = new FakeTimeProvider();
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, time: clock);
        fake.Script("chat.postMessage", ScriptedResponse.RateLimited(1), ScriptedResponse.ServerError(), ScriptedResponse.Error("ratelimited"), ScriptedResponse.RateLimited(1));

        var ts = Enumerable.Range(0, 6).Select(i => SlackFrames.Ts(200 + i)).ToArray();
        foreach (var t in ts)
        {
            await fake.SendEnvelopeAsync(SlackFrames.Mention("burst", t));
        }

        await Eventually.TrueAsync(() => Posts(fake).Any(c => c.Status == 429), "the first 429");
        await fake.WaitForIdleAsync();
        var firstLimited = Posts(fake).First(c => c.Status == 429);
        int Tries() => Posts(fake).Count(c => c.Str("thread_ts") == firstLimited.Str("thread_ts"));
        Assert.Equal(1, Tries());
        clock.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        await fake.WaitForIdleAsync();
        Assert.True(Tries() == 1, "Retry-After was not honoured");

        await Eventually.TrueAsync(() => StepThenCheck(clock, () => fake.Delivered("chat.postMessage").Count() >= ts.Length), "all replies, the clock stepping on");
        await fake.WaitForIdleAsync();

        Assert.Equal(ts.Order(), fake.Delivered("chat.postMessage").Select(c => c.Str("thread_ts")).Order());
        Assert.Contains(bot.Logs.Lines, l => l.Message.Contains("rate limited", StringComparison.Ordinal));
    }

    private static List<RecordedCall> Posts(FakeSlackServer fake) => fake.Calls.Where(c => c.Method == "chat.postMessage").ToList();

    private static bool StepThenCheck(FakeTimeProvider clock, Func<bool> done)
    {
        clock.Advance(TimeSpan.FromMilliseconds(100));
        return done();
    }

    [Theory]
    [InlineData("not_in_channel", "/invite")]
    [InlineData("channel_not_found", "channel_not_found")]
    public async Task Post_error_is_logged_clearly_and_not_retried(string error, string expected)
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        fake.Script("chat.postMessage", ScriptedResponse.Error(error));

        await fake.SendEnvelopeAsync(SlackFrames.Mention("hello", SlackFrames.Ts(1)));
        await Eventually.TrueAsync(() => bot.Logs.Lines.Any(l => l.Level == LogLevel.Error && l.Message.Contains(expected, StringComparison.Ordinal)), "error line");
        await fake.WaitForIdleAsync();

        Assert.Single(fake.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public void Retry_after_parses_seconds_and_dates_and_falls_back()
    {
        var now = DateTimeOffset.UnixEpoch;
        Assert.Equal(TimeSpan.FromSeconds(30), RateLimitGate.ParseRetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)), now, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(5), RateLimitGate.ParseRetryAfter(new RetryConditionHeaderValue(now.AddSeconds(5)), now, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(1), RateLimitGate.ParseRetryAfter(null, now, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Gate_blocks_a_method_everywhere_except_post_message_which_is_limited_per_channel()
    {
        var gate = new RateLimitGate(TimeProvider.System);
        gate.Block(RateLimitGate.Key("chat.postMessage", "C1"), TimeSpan.FromMinutes(1));

        Assert.True(gate.Remaining(RateLimitGate.Key("chat.postMessage", "C1")) > TimeSpan.FromSeconds(50));
        Assert.Equal(TimeSpan.Zero, gate.Remaining(RateLimitGate.Key("chat.postMessage", "C2")));
        Assert.Equal(TimeSpan.Zero, gate.Remaining(RateLimitGate.Key("chat.postEphemeral", "C1")));

        gate.Block(RateLimitGate.Key("chat.postEphemeral", "C1"), TimeSpan.FromMinutes(1));
        Assert.True(gate.Remaining(RateLimitGate.Key("chat.postEphemeral", "C2")) > TimeSpan.FromSeconds(50));
        Assert.True(gate.Remaining(RateLimitGate.Key("chat.postEphemeral", null)) > TimeSpan.FromSeconds(50));
    }

    [Fact]
    public async Task Gate_a_turn_on_a_channel_makes_the_next_post_there_wait_the_spacing_and_no_other_channel()
    {
        var time = new FakeTimeProvider();
        var gate = new RateLimitGate(time);
        var here = RateLimitGate.Key("chat.postMessage", "C1");

        await gate.WaitTurnAsync(here, TimeSpan.FromSeconds(1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var next = gate.WaitTurnAsync(here, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.False(next.IsCompleted);
        Assert.Equal(TimeSpan.Zero, gate.Remaining(RateLimitGate.Key("chat.postMessage", "C2")));
        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(1), gate.Remaining(here));
    }
}
