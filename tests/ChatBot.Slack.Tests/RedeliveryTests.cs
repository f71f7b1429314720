
namespace ChatBot.Slack.Tests;

/// <summary>An event counts as handled once its reply went out; Slack's redelivery of one whose reply never did is answered.</summary>
public sealed class RedeliveryTests
{
    private const string GivenBack = "a redelivery of the event will be answered";

    [Fact]
    public async Task Reply_that_failed_after_every_retry_is_answered_when_Slack_redelivers_the_event_once()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:MaxApiAttempts"] = "3");
        fake.Script("chat.postMessage", ScriptedResponse.ServerError(), ScriptedResponse.ServerError(), ScriptedResponse.ServerError());
        var envelope = SlackFrames.Mention("are you there?", SlackFrames.Ts(500));

        await fake.SendEnvelopeAsync(envelope);
        await Eventually.TrueAsync(() => bot.Logs.Lines.Any(l => l.Message.Contains(GivenBack, StringComparison.Ordinal)), "the reply given up");
        Assert.Equal(3, fake.Calls.Count(c => c.Method == "chat.postMessage"));
        Assert.Empty(fake.Delivered("chat.postMessage"));

        await fake.RedeliverAsync(envelope, 1);
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "the reply to the redelivery");
        await fake.RedeliverAsync(envelope, 2);
        await fake.SendEnvelopeAsync(SlackFrames.Mention("sentinel", SlackFrames.Ts(501)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(c => c.Str("thread_ts") == SlackFrames.Ts(501)), "the sentinel's reply");

        Assert.Single(fake.Delivered("chat.postMessage"), c => c.Str("thread_ts") == SlackFrames.Ts(500));
        Assert.Equal(3, bot.Engine.Asked);
    }

    [Fact]
    public async Task Reply_that_went_out_is_not_answered_again_when_Slack_redelivers_the_event()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        fake.Script("chat.postMessage", ScriptedResponse.ServerError());
        var envelope = SlackFrames.Mention("are you there?", SlackFrames.Ts(510));

        await fake.SendEnvelopeAsync(envelope);
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "the reply after one retry");
        await fake.RedeliverAsync(envelope, 1);
        await fake.SendEnvelopeAsync(SlackFrames.Mention("sentinel", SlackFrames.Ts(511)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(c => c.Str("thread_ts") == SlackFrames.Ts(511)), "the sentinel's reply");

        Assert.Single(fake.Delivered("chat.postMessage"), c => c.Str("thread_ts") == SlackFrames.Ts(510));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Message.Contains(GivenBack, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_refused_for_good_is_not_retried_on_redelivery()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        fake.Script("chat.postMessage", ScriptedResponse.Error("is_archived"));
        var envelope = SlackFrames.Mention("are you there?", SlackFrames.Ts(520));

        await fake.SendEnvelopeAsync(envelope);
        await Eventually.TrueAsync(() => fake.Calls.Any(c => c.Method == "chat.postMessage"), "the refused post");
        await fake.RedeliverAsync(envelope, 1);
        await fake.SendEnvelopeAsync(SlackFrames.Mention("sentinel", SlackFrames.Ts(521)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(c => c.Str("thread_ts") == SlackFrames.Ts(521)), "the sentinel's reply");

        Assert.Single(fake.Calls, c => c.Method == "chat.postMessage" && c.Str("thread_ts") == SlackFrames.Ts(520));
        Assert.Equal(2, bot.Engine.Asked);
    }
}
