using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Slack.Tests;

/// <summary>
/// Slack allows about one message a second per channel: replies to one channel leave spaced, other channels do not
/// wait. The host runs on a fake clock, so the spacing is shown by stepping time, not by measuring it.
/// </summary>
public sealed class PacingTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan JustShort = Interval - TimeSpan.FromMilliseconds(1);
    private const string OtherChannel = "C0CHAN0009";

    [Fact]
    public async Task Replies_to_one_channel_each_wait_for_the_interval_after_the_previous()
    {
        var clock = new FakeTimeProvider();
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:ChannelPostInterval"] = Interval.ToString(), time: clock);

        for (var i = 0; i < 3; i++)
        {
            await fake.SendEnvelopeAsync(SlackFrames.Mention("burst " + i, SlackFrames.Ts(300 + i)));
        }

        await Eventually.TrueAsync(() => Posts(fake) == 1, "the first reply, at once");
        for (var posted = 1; posted < 3; posted++)
        {
            clock.Advance(JustShort);
            await fake.WaitForIdleAsync();
            Assert.Equal(posted, Posts(fake));

            clock.Advance(Interval - JustShort);
            await Eventually.TrueAsync(() => Posts(fake) == posted + 1, "the next reply, one interval after the previous");
        }

        await fake.WaitForIdleAsync();
        Assert.Equal(3, Posts(fake));
    }

    [Fact]
    public async Task A_reply_to_another_channel_does_not_wait_for_the_first_channels_pace()
    {
        var clock = new FakeTimeProvider();
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:ChannelPostInterval"] = Interval.ToString(), time: clock);

        await fake.SendEnvelopeAsync(SlackFrames.Mention("first here", SlackFrames.Ts(320)));
        await fake.SendEnvelopeAsync(SlackFrames.Mention("second here", SlackFrames.Ts(321)));
        await fake.SendEnvelopeAsync(SlackFrames.Mention("elsewhere", SlackFrames.Ts(322), channel: OtherChannel));
        await Eventually.TrueAsync(() => Posts(fake) == 2, "one reply in each channel, with the clock standing still");
        await fake.WaitForIdleAsync();

        Assert.Single(fake.Delivered("chat.postMessage"), c => c.Str("channel") == OtherChannel);
        Assert.Single(fake.Delivered("chat.postMessage"), c => c.Str("channel") == SlackFrames.Channel);
        clock.Advance(Interval);
        await Eventually.TrueAsync(() => Posts(fake) == 3, "the first channel's second reply, one interval later");
    }

    private static int Posts(FakeSlackServer fake) => fake.Delivered("chat.postMessage").Count();
}
