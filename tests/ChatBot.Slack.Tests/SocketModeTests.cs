using ChatBot.Core.Answering;
using ChatBot.Slack.Rendering;


namespace ChatBot.Slack.Tests;

public sealed class SocketModeTests
{
    [Fact]
    public async Task Mention_gets_one_threaded_reply_with_caveats_and_doctor_advice()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        var envelope = SlackFrames.Mention("does magnesium help sleep?", SlackFrames.Ts(1));

        await fake.SendEnvelopeAsync(envelope);
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "reply");
        await fake.WaitForIdleAsync();

        var reply = Assert.Single(fake.Delivered("chat.postMessage"));
        Assert.Equal(SlackFrames.Channel, reply.Str("channel"));
        Assert.Equal(SlackFrames.Ts(1), reply.Str("thread_ts"));
        bot.AssertCarriesCaveatAndDoctorAdvice(reply.Str("text"));
        Assert.Contains(SlackText.Escape(bot.DoctorAdvice), reply.Body["blocks"]!.ToJsonString());
        Assert.Equal("Bearer xoxb-test-0000-secret", reply.Authorization);
        Assert.True(fake.Acks.ContainsKey((string)envelope["envelope_id"]!));
    }

    [Fact]
    public async Task Start_up_calls_auth_test_with_bot_token_and_opens_socket_with_app_token()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        Assert.Equal("Bearer xoxb-test-0000-secret", fake.Calls.First(c => c.Method == "auth.test").Authorization);
        Assert.Equal("Bearer xapp-1-test-secret", fake.Calls.First(c => c.Method == "apps.connections.open").Authorization);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.FullText.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Direct_message_gets_a_reply()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("Does magnesium help sleep?", SlackFrames.Ts(2)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "DM reply");

        var reply = Assert.Single(fake.Delivered("chat.postMessage"));
        Assert.Equal("D0DM000001", reply.Str("channel"));
        Assert.Null(reply.Str("thread_ts"));
    }

    [Fact]
    public async Task Own_bot_and_subtype_messages_are_ignored_no_reply_loop()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("Magnesium may…", SlackFrames.Ts(10), tweak: e => { e["user"] = FakeSlackServer.BotUserId; e["bot_id"] = FakeSlackServer.BotId; }));
        await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("our own user, no bot_id", SlackFrames.Ts(11), tweak: e => e["user"] = FakeSlackServer.BotUserId));
        await fake.SendEnvelopeAsync(SlackFrames.Mention("from another bot", SlackFrames.Ts(12), tweak: e => e["bot_id"] = "B0OTHER001"));
        await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("edited", SlackFrames.Ts(13), tweak: e => e["subtype"] = "message_changed"));
        await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("deleted", SlackFrames.Ts(14), tweak: e => { e["subtype"] = "message_deleted"; e["hidden"] = true; }));
        await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("a real question", SlackFrames.Ts(15)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "sentinel reply");
        await fake.WaitForIdleAsync();

        Assert.Equal(1, bot.Engine.Asked);
        Assert.Single(fake.Delivered("chat.postMessage"));
        Assert.Equal(6, fake.Acks.Count);
    }

    [Fact]
    public async Task Messages_a_person_writes_with_a_file_or_broadcast_from_a_thread_are_answered()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("does this label look right? how much should I take", SlackFrames.Ts(20), tweak: e => e["subtype"] = "file_share"));
        await fake.SendEnvelopeAsync(SlackFrames.Mention("and is it safe?", SlackFrames.Ts(21), tweak: e => { e["subtype"] = "thread_broadcast"; e["thread_ts"] = SlackFrames.Ts(19); }));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Count() == 2, "both answered");

        Assert.Equal(2, bot.Engine.Asked);
        Assert.Contains(fake.Delivered("chat.postMessage"), c => c.Str("thread_ts") == SlackFrames.Ts(19));
    }

    [Fact]
    public async Task Hostile_question_nothing_pinged_text_shown_literally()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        bot.Engine.EchoQuestion = true;

        await fake.SendEnvelopeAsync(SlackFrames.Mention("&lt;!channel&gt; <!here> @here @channel <@U0OTHER01> <!subteam^S1|team> &amp;lt;", SlackFrames.Ts(3)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "reply");

        var reply = Assert.Single(fake.Delivered("chat.postMessage"));
        Assert.DoesNotContain("<", reply.Json);
        Assert.DoesNotContain("link_names", reply.Json);
        Assert.Contains("&lt;!channel&gt;", reply.Str("text"));
        Assert.Contains("@here @channel", reply.Str("text"));
        Assert.Contains("&amp;lt;", reply.Str("text"));
        Assert.DoesNotContain("\"verbatim\":false", reply.Json);
    }

    [Fact]
    public async Task Engine_failure_sends_the_error_notice_with_caveats()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await fake.SendEnvelopeAsync(SlackFrames.Mention(SteerableAnswerEngine.FailingQuestion, SlackFrames.Ts(4)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "error notice");

        var reply = Assert.Single(fake.Delivered("chat.postMessage"));
        Assert.Contains(SlackText.Escape(bot.Engine.Notice(NoticeKind.Error).Message), reply.Str("text"));
        bot.AssertCarriesCaveatAndDoctorAdvice(reply.Str("text"));
    }

    [Fact]
    public async Task Safety_flag_in_public_channel_brief_public_notice_full_guidance_ephemeral()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await fake.SendEnvelopeAsync(SlackFrames.Mention("I am pregnant, can I take it?", SlackFrames.Ts(5)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postEphemeral").Any(), "ephemeral guidance");

        var pub = Assert.Single(fake.Delivered("chat.postMessage"));
        Assert.Contains(SlackText.Escape(bot.Engine.Notice(NoticeKind.SafetyGuidanceSentPrivately).Message), pub.Str("text"));
        Assert.DoesNotContain("midwife", pub.Json);
        bot.AssertCarriesCaveatAndDoctorAdvice(pub.Str("text"));
        var priv = Assert.Single(fake.Delivered("chat.postEphemeral"));
        Assert.Equal(SlackFrames.User, priv.Str("user"));
        Assert.Equal(SlackFrames.Ts(5), priv.Str("thread_ts"));
        Assert.Contains("midwife", priv.Str("text"));
        Assert.DoesNotContain("pregnant, can I", priv.Json);
    }

    [Theory]
    [InlineData("Slack:PublicSafetyMode", "false")]
    [InlineData("Delivery:PublicSafetyGuidance", "Public")]
    public async Task Safety_flag_in_public_channel_public_setting_full_reply_in_the_channel(string key, string value)
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s[key] = value);

        await fake.SendEnvelopeAsync(SlackFrames.Mention("I am pregnant, can I take it?", SlackFrames.Ts(6)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "the reply");
        await fake.WaitForIdleAsync();

        Assert.Contains("midwife", Assert.Single(fake.Delivered("chat.postMessage")).Str("text"));
        Assert.Empty(fake.Delivered("chat.postEphemeral"));
    }
}
