using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Delivery;
using ChatBot.Slack.Dispatch;
using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.Tests;

/// <summary>Payloads are decoded once where they are queued, with the facts of where they came from.</summary>
public sealed class InboundDecodingTests
{
    private static readonly Uri Hook = new("https://hooks.slack.test/1");

    private static SlackInbound Decode(InboundKind kind, JsonObject envelope) =>
        SlackInbound.Decode(kind, JsonSerializer.SerializeToElement(envelope["payload"]), (string?)envelope["envelope_id"])!;

    [Fact]
    public void A_mention_is_public_and_threaded_under_itself()
    {
        var inbound = Decode(InboundKind.Event, SlackFrames.Mention("hi", SlackFrames.Ts(1)));

        Assert.Equal(new(SlackFrames.Channel, SlackFrames.Ts(1), false, true), inbound.Conversation);
        Assert.Equal("app_mention", inbound.Event!.Event!.Type);
        Assert.Contains("msg:" + SlackFrames.Channel + ":" + SlackFrames.Ts(1), inbound.DedupeKeys());
    }

    [Fact]
    public void A_message_Slack_calls_im_is_a_DM_whatever_its_id()
    {
        var inbound = Decode(InboundKind.Event, SlackFrames.DirectMessage("hi", SlackFrames.Ts(2), tweak: e => e["channel"] = "C0DM000009"));

        Assert.Equal(new("C0DM000009", null, true, false), inbound.Conversation);
        Assert.Equal(Place.DirectMessage("slack"), inbound.Conversation!.Place);
    }

    [Fact]
    public void A_D_id_that_Slack_calls_a_channel_is_not_a_DM()
    {
        var inbound = Decode(InboundKind.Event, SlackFrames.Mention("hi", SlackFrames.Ts(3), channel: "D0LOOKSLIKE", tweak: e => e["channel_type"] = "channel"));

        Assert.False(inbound.Conversation!.IsDirectMessage);
    }

    [Fact]
    public void Without_a_word_from_Slack_a_D_id_is_taken_as_a_DM()
    {
        var inbound = Decode(InboundKind.Event, SlackFrames.Mention("hi", SlackFrames.Ts(4), channel: "D0DM000001"));

        Assert.True(inbound.Conversation!.IsDirectMessage);
    }

    [Theory]
    [InlineData("directmessage", true)]
    [InlineData("general", false)]
    [InlineData("privategroup", false)]
    public void A_slash_command_is_a_DM_when_its_channel_name_says_so(string channelName, bool isDirect)
    {
        var inbound = Decode(InboundKind.SlashCommand, SlackFrames.SlashCommand("hi", Hook, channel: "C0CHAN0002", channelName: channelName));

        Assert.Equal(new("C0CHAN0002", null, isDirect, !isDirect), inbound.Conversation);
        Assert.Equal("/sleepfaq", inbound.Command!.Command);
        Assert.Equal("hi", inbound.Command.Text);
    }

    [Fact]
    public void A_button_on_an_ephemeral_message_is_not_public_and_is_threaded_under_its_message()
    {
        var inbound = Decode(InboundKind.Interactive, SlackFrames.BlockAction(ActionIds.FeedbackUp, "x|y", Hook, "1700000300.000001", ephemeral: true));

        Assert.Equal(new(SlackFrames.Channel, "1700000300.000001", false, false), inbound.Conversation);
        Assert.Equal(Place.AskerOnly("slack"), inbound.Conversation!.Place);
        Assert.Equal(ActionIds.FeedbackUp, Assert.Single(inbound.Interaction!.Actions!).ActionId);
    }

    [Fact]
    public void A_button_in_a_DM_is_a_DM()
    {
        var inbound = Decode(InboundKind.Interactive, SlackFrames.BlockAction(ActionIds.FeedbackUp, "x|y", Hook, "1.1", channel: "C0DM000009", channelName: "directmessage"));

        Assert.True(inbound.Conversation!.IsDirectMessage);
        Assert.False(inbound.Conversation.IsPublic);
    }

    [Fact]
    public void A_payload_that_is_not_the_documented_shape_is_refused()
    {
        var envelope = SlackFrames.Mention("hi", SlackFrames.Ts(5), tweak: e => e["ts"] = new JsonObject());

        Assert.Null(SlackInbound.Decode(InboundKind.Event, JsonSerializer.SerializeToElement(envelope["payload"]), null));
    }
}
