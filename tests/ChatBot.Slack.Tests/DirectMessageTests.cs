using ChatBot.Core.Answering;
using ChatBot.Slack.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Slack.Tests;

/// <summary>
/// Slack says which conversations are DMs (<c>channel_type: "im"</c>, channel name <c>directmessage</c>); a DM
/// whose id does not start with <c>D</c> still gets the DM treatment on every path: the whole reply, safety
/// guidance and all, where it was asked, never a notice plus an ephemeral.
/// </summary>
public sealed class DirectMessageTests
{
    private const string DmWithoutDPrefix = "C0DM000009";

    /// <summary>A related question whose answer, in these tests, comes with the pregnancy guidance.</summary>
    private const string Entry = "how-much-to-take";

    private static void GuidanceOnEntry(SlackTestHost bot) =>
        bot.Engine.GuidanceOnEntry = (Entry, bot.Engine.Inner.Ask("I am pregnant, can I take it?", new AskContext("slack")));

    [Fact]
    public async Task A_DM_message_with_safety_guidance_is_answered_whole_in_the_DM_without_a_thread()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("I am pregnant, can I take it?", SlackFrames.Ts(1), tweak: e => e["channel"] = DmWithoutDPrefix));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "the reply");
        await fake.WaitForIdleAsync();

        var reply = Assert.Single(fake.Delivered("chat.postMessage"));
        Assert.Equal(DmWithoutDPrefix, reply.Str("channel"));
        Assert.Null(reply.Str("thread_ts"));
        Assert.Contains("midwife", reply.Str("text"));
        Assert.Empty(fake.Delivered("chat.postEphemeral"));
    }

    [Fact]
    public async Task A_message_event_that_Slack_does_not_call_a_DM_is_not_answered_as_one()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("what is it?", SlackFrames.Ts(2), tweak: e => e["channel_type"] = "channel"));
        await fake.SendEnvelopeAsync(SlackFrames.Mention("does it help sleep?", SlackFrames.Ts(3)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "the mention's reply");
        await fake.WaitForIdleAsync();

        Assert.Equal(SlackFrames.Channel, Assert.Single(fake.Delivered("chat.postMessage")).Str("channel"));
    }

    [Fact]
    public async Task An_in_channel_slash_command_in_a_DM_carries_the_whole_reply_in_its_ack()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:SlashReplyVisibility"] = "in_channel", time: new FakeTimeProvider(DateTimeOffset.UtcNow)); // a standing clock: the ack budget never runs out
        var command = SlackFrames.SlashCommand("pregnant and sleepless", new Uri(fake.BaseUri, "hooks/commands/9"), channel: DmWithoutDPrefix, channelName: "directmessage");

        await fake.SendEnvelopeAsync(command);
        await Eventually.TrueAsync(() => fake.Acks.ContainsKey((string)command["envelope_id"]!), "slash ack");
        await fake.WaitForIdleAsync();

        Assert.Contains("midwife", fake.Acks[(string)command["envelope_id"]!].ToJsonString());
        Assert.Empty(fake.Delivered("response_url"));
    }

    [Fact]
    public async Task A_related_button_in_a_DM_posts_the_whole_answer_in_the_DM()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        GuidanceOnEntry(bot);

        await fake.SendEnvelopeAsync(SlackFrames.BlockAction(ActionIds.RelatedPrefix + Entry, Entry, new Uri(fake.BaseUri, "hooks/actions/9"), "1700000300.000009", channel: DmWithoutDPrefix, channelName: "directmessage"));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "the answer");
        await fake.WaitForIdleAsync();

        var reply = Assert.Single(fake.Delivered("chat.postMessage"));
        Assert.Equal(DmWithoutDPrefix, reply.Str("channel"));
        Assert.Contains("midwife", reply.Str("text"));
        Assert.Empty(fake.Delivered("chat.postEphemeral"));
    }

    [Fact]
    public async Task A_related_button_with_safety_guidance_in_a_channel_still_sends_it_privately()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        GuidanceOnEntry(bot);

        await fake.SendEnvelopeAsync(SlackFrames.BlockAction(ActionIds.RelatedPrefix + Entry, Entry, new Uri(fake.BaseUri, "hooks/actions/10"), "1700000300.000010"));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postEphemeral").Any(), "the private guidance");

        Assert.DoesNotContain("midwife", Assert.Single(fake.Delivered("chat.postMessage")).Json);
        Assert.Contains("midwife", Assert.Single(fake.Delivered("chat.postEphemeral")).Str("text"));
    }
}
