using ChatBot.Core.Answering;
using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.Tests;

public sealed class ButtonTests
{
    [Fact]
    public async Task Related_button_on_a_posted_answer_posts_that_answer_in_the_thread()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        await fake.SendEnvelopeAsync(SlackFrames.Mention("does magnesium help sleep?", SlackFrames.Ts(1)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "answer");
        var button = fake.Delivered("chat.postMessage").Single().Body["blocks"]!.AsArray()
            .Single(b => (string)b!["type"]! == "actions")!["elements"]!.AsArray()
            .First(e => ((string)e!["action_id"]!).StartsWith(ActionIds.RelatedPrefix, StringComparison.Ordinal))!;

        await fake.SendEnvelopeAsync(SlackFrames.BlockAction((string)button["action_id"]!, (string)button["value"]!, new Uri(fake.BaseUri, "hooks/actions/1"), "1700000300.000001"));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Count() == 2, "related answer");

        var related = fake.Delivered("chat.postMessage").Last();
        Assert.Equal("1700000300.000001", related.Str("thread_ts"));
        Assert.Contains(SlackText.Escape(bot.Engine.ShowEntry((string)button["value"]!, new AskContext("slack")).Title!), related.Str("text"));
        bot.AssertCarriesCaveatAndDoctorAdvice(related.Str("text"));
    }

    [Fact]
    public async Task Related_button_where_the_bot_is_not_a_member_answers_via_response_url_in_the_channel()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        fake.Script("chat.postMessage", ScriptedResponse.Error("not_in_channel"));

        await fake.SendEnvelopeAsync(SlackFrames.BlockAction(ActionIds.RelatedPrefix + "how-much-to-take", "how-much-to-take", new Uri(fake.BaseUri, "hooks/actions/4"), "1700000300.000004"));
        await Eventually.TrueAsync(() => fake.Delivered("response_url").Any(), "related answer through response_url");

        var answer = fake.Delivered("response_url").Single();
        Assert.Equal("in_channel", answer.Str("response_type"));
        bot.AssertCarriesCaveatAndDoctorAdvice(answer.Str("text"));
    }

    [Fact]
    public async Task Related_button_on_an_ephemeral_message_answers_via_response_url()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await fake.SendEnvelopeAsync(SlackFrames.BlockAction(ActionIds.RelatedPrefix + "how-much-to-take", "how-much-to-take", new Uri(fake.BaseUri, "hooks/actions/2"), "1700000300.000002", ephemeral: true));
        await Eventually.TrueAsync(() => fake.Delivered("response_url").Any(), "related answer");

        Assert.Equal("ephemeral", fake.Delivered("response_url").Single().Str("response_type"));
        Assert.Empty(fake.Delivered("chat.postMessage"));
    }

    [Theory]
    [InlineData(ActionIds.FeedbackUp, true)]
    [InlineData(ActionIds.FeedbackDown, false)]
    public async Task Feedback_button_is_recorded_and_thanked_privately(string actionId, bool helpful)
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await fake.SendEnvelopeAsync(SlackFrames.BlockAction(actionId, ActionIds.FeedbackValue("0123456789abcdef", "magnesium-sleep"), new Uri(fake.BaseUri, "hooks/actions/3"), "1700000300.000003"));
        await Eventually.TrueAsync(() => fake.Delivered("response_url").Any(), "thanks");

        var record = Assert.Single(bot.Feedback.Records);
        Assert.Equal(("slack", SlackFrames.User, "0123456789abcdef", "magnesium-sleep", helpful), (record.Platform, record.UserId, record.ReplyId, record.EntryId, record.Helpful));
        var thanks = fake.Delivered("response_url").Single();
        Assert.Equal("ephemeral", thanks.Str("response_type"));
        Assert.Contains("Thanks", thanks.Str("text"));
        bot.AssertCarriesCaveatAndDoctorAdvice(thanks.Str("text"));
    }
}
