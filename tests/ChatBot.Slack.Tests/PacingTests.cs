using System.Diagnostics;

namespace ChatBot.Slack.Tests;

/// <summary>Slack allows about one message a second per channel: replies to one channel leave spaced, other channels do not wait.</summary>
public sealed class PacingTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>A post is booked before its request leaves, so its arrival may lag the booking by the trip to the fake.</summary>
    private static readonly TimeSpan Trip = TimeSpan.FromMilliseconds(150);

    private const string OtherChannel = "C0CHAN0009";

    [Fact]
    public async Task RepliesToOneChannel_AreSpacedByTheInterval()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:ChannelPostInterval"] = Interval.ToString());

        for (var i = 0; i < 3; i++)
        {
            await fake.SendEnvelopeAsync(SlackFrames.Mention("burst " + i, SlackFrames.Ts(300 + i)));
        }

        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Count() == 3, "three replies");

        var posts = fake.Delivered("chat.postMessage").OrderBy(c => c.Timestamp).ToList();
        Assert.All(posts.Zip(posts.Skip(1)), pair =>
            Assert.True(Stopwatch.GetElapsedTime(pair.First.Timestamp, pair.Second.Timestamp) >= Interval - Trip, "two posts to one channel came closer than the interval"));
    }

    [Fact]
    public async Task AReplyToAnotherChannel_DoesNotWaitForTheFirstChannelsPace()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:ChannelPostInterval"] = Interval.ToString());

        await fake.SendEnvelopeAsync(SlackFrames.Mention("first here", SlackFrames.Ts(320)));
        await fake.SendEnvelopeAsync(SlackFrames.Mention("second here", SlackFrames.Ts(321)));
        await fake.SendEnvelopeAsync(SlackFrames.Mention("elsewhere", SlackFrames.Ts(322), channel: OtherChannel));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Count() == 3, "three replies");

        var here = fake.Delivered("chat.postMessage").Where(c => c.Str("channel") == SlackFrames.Channel).OrderBy(c => c.Timestamp).ToList();
        var elsewhere = Assert.Single(fake.Delivered("chat.postMessage"), c => c.Str("channel") == OtherChannel);
        Assert.True(Stopwatch.GetElapsedTime(here[0].Timestamp, here[1].Timestamp) >= Interval - Trip, "the first channel was not paced");
        Assert.True(elsewhere.Timestamp < here[1].Timestamp, "the other channel's reply waited for the first channel's pace");
    }
}
