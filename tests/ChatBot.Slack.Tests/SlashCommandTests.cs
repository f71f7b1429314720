using System.Text.Json.Nodes;
using ChatBot.Slack.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Slack.Tests;

public sealed class SlashCommandTests
{
    private static async Task<JsonObject> AckOfAsync(FakeSlackServer fake, JsonObject envelope)
    {
        var id = (string)envelope["envelope_id"]!;
        await fake.SendEnvelopeAsync(envelope);
        await Eventually.TrueAsync(() => fake.Acks.ContainsKey(id), "slash ack");
        return fake.Acks[id];
    }

    [Fact]
    public async Task Question_ack_carries_the_ephemeral_answer()
    {
        // The clock stands still, so the acknowledgement budget never runs out however busy the machine is.
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, time: new FakeTimeProvider(DateTimeOffset.UtcNow));

        var ack = await AckOfAsync(fake, SlackFrames.SlashCommand("does magnesium help sleep?", new Uri(fake.BaseUri, "hooks/commands/1")));

        var payload = ack["payload"]!.AsObject();
        Assert.Equal("ephemeral", (string)payload["response_type"]!);
        bot.AssertCarriesCaveatAndDoctorAdvice((string)payload["text"]!);
        Assert.DoesNotContain(fake.Calls, c => c.Method is "response_url" or "chat.postMessage");
    }

    [Theory]
    [InlineData("topics")]
    [InlineData("about")]
    [InlineData("")]
    public async Task Topics_and_about_are_answered(string text)
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        var expected = text == "topics" ? bot.Engine.ListTopics()[0].Question : bot.Engine.About().Message;

        var ack = await AckOfAsync(fake, SlackFrames.SlashCommand(text, new Uri(fake.BaseUri, "hooks/commands/1")));

        Assert.Contains(SlackText.Escape(expected)[..40], (string)ack["payload"]!["text"]! + ack["payload"]!["blocks"]?.ToJsonString());
        Assert.Equal(0, bot.Engine.Asked);
    }

    [Fact]
    public async Task Slow_answer_acked_empty_in_time_then_answered_via_response_url()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:SlashAckBudget"] = "00:00:00.100");
        using var gate = new ManualResetEventSlim();
        bot.Engine.AnswerFor = _ =>
        {
            gate.Wait(TimeSpan.FromSeconds(10));
            return "A slow answer.";
        };

        var ack = await AckOfAsync(fake, SlackFrames.SlashCommand("slow question", new Uri(fake.BaseUri, "hooks/commands/7")));
        Assert.Null(ack["payload"]);
        gate.Set();
        await Eventually.TrueAsync(() => fake.Delivered("response_url").Any(), "response_url answer");

        var late = Assert.Single(fake.Delivered("response_url"));
        Assert.Equal("ephemeral", late.Str("response_type"));
        Assert.Contains("A slow answer.", late.Str("text"));
        bot.AssertCarriesCaveatAndDoctorAdvice(late.Str("text"));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Message.Contains("hooks/commands", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_channel_safety_public_notice_in_ack_guidance_ephemeral_via_response_url()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:SlashReplyVisibility"] = "in_channel", time: new FakeTimeProvider(DateTimeOffset.UtcNow));

        var ack = await AckOfAsync(fake, SlackFrames.SlashCommand("pregnant and sleepless", new Uri(fake.BaseUri, "hooks/commands/2")));
        Assert.Equal("in_channel", (string)ack["payload"]!["response_type"]!);
        Assert.DoesNotContain("midwife", ack.ToJsonString());
        await Eventually.TrueAsync(() => fake.Delivered("response_url").Any(), "private guidance");

        var priv = Assert.Single(fake.Delivered("response_url"));
        Assert.Equal("ephemeral", priv.Str("response_type"));
        Assert.Contains("midwife", priv.Str("text"));
    }
}
