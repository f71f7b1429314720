using System.Text.Json.Nodes;
using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Discord.Tests;

public sealed class DiscordTriggerTests
{
    [Fact]
    public async Task Mention_of_the_bots_managed_role_is_answered()
    {
        await using var test = await DiscordTestHost.StartAsync();
        await test.Fake.Gateway.DispatchAsync("GUILD_CREATE", new JsonObject
        {
            ["id"] = DiscordEvents.GuildId,
            ["roles"] = new JsonArray(new JsonObject { ["id"] = "1120000000000000004", ["tags"] = new JsonObject { ["bot_id"] = DiscordEvents.BotId } }),
        });
        // Discord sends GUILD_CREATE long before any message; events of different channels/guilds run on different workers.
        var identity = test.Host.Services.GetRequiredService<ChatBot.Discord.Handling.BotIdentity>();
        await Eventually.TrueAsync(() => identity.IsManagedRole("1120000000000000004"), "GUILD_CREATE handled");
        var mention = DiscordEvents.Mention("x");
        mention["content"] = "<@&1120000000000000004> what is magnesium l-threonate?";
        mention["mentions"] = new JsonArray();
        mention["mention_roles"] = new JsonArray("1120000000000000004");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        await Eventually.TrueAsync(() => test.RepliesTo(mention["id"]!.GetValue<string>()).Count == 1, "reply to role mention");
    }

    [Fact]
    public async Task Reply_to_the_bots_message_is_answered_and_empty_content_gets_a_rendered_prompt()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var reply = DiscordEvents.Mention("x");
        reply["type"] = 19;
        reply["content"] = "and how much should I take?";
        reply["mentions"] = new JsonArray();
        reply["referenced_message"] = new JsonObject { ["id"] = "1300000000000000005", ["author"] = DiscordEvents.User(DiscordEvents.BotId, bot: true) };
        var empty = DiscordEvents.Mention("x");
        empty["content"] = "";
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", reply);
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", empty);

        await Eventually.TrueAsync(() => test.Fake.Messages.Count == 2, "two replies");
        Assert.Single(test.RepliesTo(reply["id"]!.GetValue<string>()));
        Assert.Contains("See a doctor", Assert.Single(test.RepliesTo(empty["id"]!.GetValue<string>())).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_to_the_bot_that_arrives_without_content_is_left_alone()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var unreadable = DiscordEvents.Mention("x");
        unreadable["type"] = 19;
        unreadable["content"] = "";
        unreadable["mentions"] = new JsonArray();
        unreadable["referenced_message"] = new JsonObject { ["id"] = "1300000000000000005", ["author"] = DiscordEvents.User(DiscordEvents.BotId, bot: true) };
        var after = DiscordEvents.Mention("what is magnesium l-threonate?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", unreadable);
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", after);

        // One channel's messages are handled in order: once the second is answered, the first was decided.
        await Eventually.TrueAsync(() => test.RepliesTo((string)after["id"]!).Count == 1, "the reply to the next message");
        Assert.Empty(test.RepliesTo((string)unreadable["id"]!));
        Assert.Single(test.Fake.Messages);
    }

    [Fact]
    public async Task Mentions_outside_the_allowed_channels_are_ignored()
    {
        await using var test = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Discord:AllowedChannelIds:0"] = "1110000000000000077" });
        var elsewhere = DiscordEvents.Mention("what is magnesium l-threonate?");
        var allowed = DiscordEvents.Mention("what is magnesium l-threonate?", channelId: "1110000000000000077");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", elsewhere);
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", allowed);
        var dm = DiscordEvents.DirectMessage("what is magnesium l-threonate?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", dm);

        await Eventually.TrueAsync(() => test.RepliesTo(allowed["id"]!.GetValue<string>()).Count == 1 && test.RepliesTo(dm["id"]!.GetValue<string>()).Count == 1, "allowed replies");
        Assert.Empty(test.RepliesTo(elsewhere["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Embed")]
    [InlineData("Plain")]
    public async Task A_2500_character_answer_respects_the_limits_and_keeps_caveats_and_doctor_advice(string style)
    {
        var answer = string.Concat(Enumerable.Repeat("Magnesium L-threonate was studied in one small trial. ", 50))[..2500];
        await using var test = await DiscordTestHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Discord:ReplyStyle"] = style },
            services: s => s.AddSingleton<IAnswerEngine>(sp => new LongAnswerEngine(ActivatorUtilities.CreateInstance<AnswerEngine>(sp), answer)));
        var mention = DiscordEvents.Mention("does magnesium l-threonate help sleep?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        await Eventually.TrueAsync(() => test.Fake.Messages.Count == 1, "reply");
        var engine = test.Host.Services.GetRequiredService<IAnswerEngine>();
        var expected = engine.Ask("does magnesium l-threonate help sleep?", new AskContext("test"));
        var body = test.Fake.Messages.Single().Body;
        var text = body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.All(expected.Caveats, c => Assert.Contains(c, text, StringComparison.Ordinal));
        Assert.Contains(expected.DoctorAdvice, text, StringComparison.Ordinal);
        if (style == "Plain")
        {
            Assert.InRange(body["content"]!.GetValue<string>().Length, 1, 2000);
        }
        else
        {
            var embed = body["embeds"]![0]!;
            Assert.InRange(embed["description"]!.GetValue<string>().Length, 2500, 4096);
            var total = embed["title"]!.GetValue<string>().Length + embed["description"]!.GetValue<string>().Length
                + (embed["footer"]?["text"]?.GetValue<string>().Length ?? 0)
                + embed["fields"]!.AsArray().Sum(f => f!["name"]!.GetValue<string>().Length + f["value"]!.GetValue<string>().Length);
            Assert.InRange(total, 1, 6000);
        }
    }

    /// <summary>The real engine, with its answers replaced by a long text (caveats and advice stay Core's).</summary>
    private sealed class LongAnswerEngine(IAnswerEngine inner, string answer) : IAnswerEngine
    {
        public Reply Ask(string question, AskContext context) => Longer(inner.Ask(question, context));

        public Reply AskFollowUp(string question, AskContext context, ChatBot.Core.Conversations.ConversationTurn previous) => Longer(inner.AskFollowUp(question, context, previous));

        public bool IsUrgent(string question) => inner.IsUrgent(question);

        public Reply RateLimited(TimeSpan retryAfter) => inner.RateLimited(retryAfter);

        public Reply ShowEntry(string entryId, AskContext context) => Longer(inner.ShowEntry(entryId, context));

        public IReadOnlyList<RelatedQuestion> ListTopics() => inner.ListTopics();

        public IReadOnlyList<RelatedQuestion> SuggestTopics(string partial, int max) => inner.SuggestTopics(partial, max);

        public Reply About() => inner.About();

        public Reply Notice(NoticeKind kind) => inner.Notice(kind);

        public Reply Info(string botText) => inner.Info(botText);

        private Reply Longer(Reply reply) => reply.Answer.Length > 0 ? reply with { Answer = answer } : reply;
    }
}
