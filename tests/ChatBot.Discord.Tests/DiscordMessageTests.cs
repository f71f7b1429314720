using System.Text.Json;

namespace ChatBot.Discord.Tests;

public sealed class DiscordMessageTests
{
    [Fact]
    public async Task Mention_is_answered_once_with_caveats_doctor_advice_and_no_mentions_parsed()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var mention = DiscordEvents.Mention("does magnesium l-threonate help sleep?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        var id = mention["id"]!.GetValue<string>();
        await Eventually.TrueAsync(() => test.RepliesTo(id).Count == 1, "reply");
        var reply = test.RepliesTo(id).Single();
        var embed = reply.GetProperty("embeds")[0];
        var fields = embed.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("Caveats", fields);
        Assert.Contains("See a doctor", fields);
        Assert.Equal("""{"parse":[],"replied_user":false}""", reply.GetProperty("allowed_mentions").GetRawText());
        Assert.False(reply.GetProperty("message_reference").GetProperty("fail_if_not_exists").GetBoolean());
        Assert.True(reply.GetProperty("enforce_nonce").GetBoolean());
        Assert.Single(test.RequestsTo("/messages"));
    }

    [Fact]
    public async Task Direct_message_is_answered()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var dm = DiscordEvents.DirectMessage("can I take magnesium l-threonate with melatonin?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", dm);

        await Eventually.TrueAsync(() => test.RepliesTo(dm["id"]!.GetValue<string>()).Count == 1, "DM reply");
        Assert.Equal("1600000000000000009", test.Fake.Messages.Single().ChannelId);
    }

    [Fact]
    public async Task Bots_webhooks_own_messages_quotes_and_unmentioned_messages_are_ignored()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var fromBot = DiscordEvents.Mention("hi");
        fromBot["author"] = DiscordEvents.User("1999999999999999999", bot: true);
        var own = DiscordEvents.Mention("hi");
        own["author"] = DiscordEvents.User(DiscordEvents.BotId, bot: true);
        var webhook = DiscordEvents.Mention("hi");
        webhook["webhook_id"] = "1888888888888888888";
        var quoted = DiscordEvents.Mention("x");
        quoted["content"] = $"> <@{DiscordEvents.BotId}> said something\nwhat do you think";
        var unmentioned = DiscordEvents.Mention("x");
        unmentioned["content"] = "magnesium is great";
        unmentioned["mentions"] = new System.Text.Json.Nodes.JsonArray();
        foreach (var ignored in new[] { fromBot, own, webhook, quoted, unmentioned })
        {
            await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", ignored);
        }

        // Events of one channel are handled in order: once this one is answered, the others were skipped.
        var marker = DiscordEvents.Mention("what is magnesium l-threonate?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", marker);
        await Eventually.TrueAsync(() => test.RepliesTo(marker["id"]!.GetValue<string>()).Count == 1, "marker reply");
        Assert.Single(test.Fake.Messages);
    }

    [Fact]
    public async Task Duplicate_delivery_of_one_message_is_answered_once()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var mention = DiscordEvents.Mention("what is magnesium l-threonate?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", (System.Text.Json.Nodes.JsonObject)mention.DeepClone());
        var marker = DiscordEvents.Mention("how much should I take?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", marker);

        await Eventually.TrueAsync(() => test.RepliesTo(marker["id"]!.GetValue<string>()).Count == 1, "marker reply");
        Assert.Single(test.RepliesTo(mention["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Everyone_in_the_question_pings_nobody()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var mention = DiscordEvents.Mention("@everyone @here <@&1120000000000000004> does magnesium help sleep?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        await Eventually.TrueAsync(() => test.Fake.Messages.Count == 1, "reply");
        var body = test.Fake.Requests.Single(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)).Json;
        Assert.Equal(0, body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.False(body.GetProperty("allowed_mentions").GetProperty("replied_user").GetBoolean());
        Assert.DoesNotContain("@everyone", body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("@here", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_disclosure_in_public_gets_a_brief_public_reply_and_the_guidance_by_DM()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var mention = DiscordEvents.Mention("I took magnesium and now I have chest pain");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        await Eventually.TrueAsync(() => test.Fake.Messages.Count == 2, "public notice and DM");
        var publicReply = test.RepliesTo(mention["id"]!.GetValue<string>()).Single();
        var dm = test.Fake.Messages.Single(m => m.ChannelId != DiscordEvents.ChannelId).Body.ToJsonString();
        Assert.DoesNotContain("chest pain", publicReply.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("emergency", dm, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("See a doctor", publicReply.GetRawText(), StringComparison.Ordinal);
        Assert.Single(test.RequestsTo("/users/@me/channels"));
    }

    [Theory]
    [InlineData("Discord:PublicSafetyMode", "Public")]
    [InlineData("Delivery:PublicSafetyGuidance", "Public")]
    public async Task Health_disclosure_in_public_with_the_public_setting_gets_the_full_reply_in_the_channel(string key, string value)
    {
        await using var test = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?> { [key] = value });
        var mention = DiscordEvents.Mention("I took magnesium and now I have chest pain");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        await Eventually.TrueAsync(() => test.RepliesTo(mention["id"]!.GetValue<string>()).Count == 1, "the reply");
        await test.Fake.WaitForIdleAsync();
        Assert.Contains("emergency", test.RepliesTo(mention["id"]!.GetValue<string>()).Single().GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Single(test.Fake.Messages);
        Assert.Empty(test.RequestsTo("/users/@me/channels"));
    }

    [Fact]
    public async Task Guidance_that_cannot_be_sent_by_DM_is_replaced_in_the_channel_by_how_to_get_it()
    {
        await using var test = await DiscordTestHost.StartAsync();
        test.Fake.FailNext(r => r.Method == "POST" && r.Path.StartsWith("/channels/16", StringComparison.Ordinal), new RestFault(RestFaultKind.DirectMessagesClosed));
        var mention = DiscordEvents.Mention("I took magnesium and now I have chest pain");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        await Eventually.TrueAsync(() => test.RepliesTo(mention["id"]!.GetValue<string>()).Count == 2, "the public notice and how to get the guidance");
        var replies = test.RepliesTo(mention["id"]!.GetValue<string>()).Select(r => r.GetRawText()).ToList();
        Assert.Contains(replies, r => r.Contains("direct messages are closed", StringComparison.Ordinal) && r.Contains("/ask", StringComparison.Ordinal));
        Assert.All(replies, r => Assert.DoesNotContain("chest pain", r, StringComparison.OrdinalIgnoreCase));
        Assert.All(replies, r => Assert.Contains("See a doctor", r, StringComparison.Ordinal));
        Assert.DoesNotContain(test.Fake.Messages, m => m.ChannelId != DiscordEvents.ChannelId);
    }

    [Fact]
    public async Task Identify_sends_the_token_and_intents_without_message_content()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var identify = test.Fake.Gateway.Received.First(f => f.Op == 2);

        Assert.Equal(4609, identify.Data.GetProperty("intents").GetInt32());
        Assert.Equal(test.Fake.Token, identify.Data.GetProperty("token").GetString());
        Assert.Contains("v=10&encoding=json", identify.PathAndQuery, StringComparison.Ordinal);
        var put = test.RequestsTo("/commands", "PUT").Single().Json;
        Assert.Equal(["ask", "faq", "about", "faqadmin"], put.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(test.Fake.Requests, r => Assert.StartsWith("DiscordBot (", r.UserAgent, StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Array, put.ValueKind);
    }
}
