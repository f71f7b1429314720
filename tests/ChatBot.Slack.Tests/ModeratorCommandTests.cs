using System.Text.Json.Nodes;
using ChatBot.Core.Answering;
using ChatBot.Core.Moderation;
using ChatBot.Slack.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Slack.Tests;

/// <summary><c>/sleepfaq admin …</c> with the real host and engine: who may run it, and what they see.</summary>
public sealed class ModeratorCommandTests
{
    private const string Group = "S0MODS0001";

    private static void AssertHardened(JsonObject body)
    {
        var json = body.ToJsonString();
        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.False(body.ContainsKey("link_names"));
        Assert.False(body.ContainsKey("parse"));
    }

    private static void AssertCarriesCaveatAndAdvice(ModeratorHost bot, JsonObject body)
    {
        var notice = bot.Host.Services.GetRequiredService<IAnswerEngine>().Notice(NoticeKind.Refusal);
        Assert.Contains(SlackText.Escape(notice.DoctorAdvice), (string)body["text"]!);
        Assert.All(notice.Caveats, c => Assert.Contains(SlackText.Escape(c), (string)body["text"]!));
    }

    [Fact]
    public async Task Non_moderator_is_refused_ephemerally_with_caveat_and_doctor_advice()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await ModeratorHost.StartAsync(fake, s =>
        {
            s["Slack:ModeratorUserIds:0"] = "U0SOMEONE1";
            s["Slack:SlashReplyVisibility"] = "in_channel";
        });
        var refusal = bot.Host.Services.GetRequiredService<IAnswerEngine>().Notice(NoticeKind.Refusal);

        var reply = await ModeratorHost.SlashReplyAsync(fake, "admin status");

        Assert.Equal("ephemeral", (string)reply["response_type"]!);
        Assert.Contains(SlackText.Escape(refusal.Message!), (string)reply["text"]!);
        AssertCarriesCaveatAndAdvice(bot, reply);
        AssertHardened(reply);
        Assert.DoesNotContain("entries", reply.ToJsonString());
        Assert.DoesNotContain(fake.Calls, c => c.Method == "usergroups.users.list");
    }

    [Fact]
    public async Task Moderator_by_user_id_status_names_the_knowledge_version()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await ModeratorHost.StartAsync(fake, s => s["Slack:ModeratorUserIds:0"] = ModeratorHost.Moderator);
        var version = bot.Host.Services.GetRequiredService<KnowledgeStore>().Current.Version;

        var reply = await ModeratorHost.SlashReplyAsync(fake, "admin status");

        Assert.Equal("ephemeral", (string)reply["response_type"]!);
        Assert.Contains(version, (string)reply["text"]!);
        AssertCarriesCaveatAndAdvice(bot, reply);
        AssertHardened(reply);
    }

    [Fact]
    public async Task Moderator_by_user_id_unknown_admin_word_gets_the_usage()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await ModeratorHost.StartAsync(fake, s =>
        {
            s["Slack:ModeratorUserIds:0"] = ModeratorHost.Moderator;
            s["Slack:AdminSubcommand"] = "mod";
        });

        var reply = await ModeratorHost.SlashReplyAsync(fake, "MOD dance");

        Assert.Contains(SlackText.Escape(ModeratorCommands.Usage), (string)reply["text"]!);
        Assert.Equal("ephemeral", (string)reply["response_type"]!);
    }

    [Fact]
    public async Task Moderator_by_user_id_check_explains_what_the_bot_would_do_with_a_message()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await ModeratorHost.StartAsync(fake, s => s["Slack:ModeratorUserIds:0"] = ModeratorHost.Moderator);

        var reply = await ModeratorHost.SlashReplyAsync(fake, "admin check im pregnant, side effects?");

        Assert.Equal("ephemeral", (string)reply["response_type"]!);
        Assert.Contains("Outcome: side-effects [pregnancy]", (string)reply["text"]!);
        AssertCarriesCaveatAndAdvice(bot, reply);
        AssertHardened(reply);
    }

    [Fact]
    public async Task Moderator_via_user_group_is_allowed_and_membership_is_cached()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.UserGroups[Group] = ["U0OTHER001", ModeratorHost.Moderator];
        await using var bot = await ModeratorHost.StartAsync(fake, s => s["Slack:ModeratorUserGroupId"] = Group);
        var version = bot.Host.Services.GetRequiredService<KnowledgeStore>().Current.Version;

        var first = await ModeratorHost.SlashReplyAsync(fake, "admin status");
        var second = await ModeratorHost.SlashReplyAsync(fake, "admin status");

        Assert.Contains(version, (string)first["text"]!);
        Assert.Contains(version, (string)second["text"]!);
        var lookup = Assert.Single(fake.Calls, c => c.Method == "usergroups.users.list");
        Assert.Equal(Group, lookup.Str("usergroup"));
        Assert.StartsWith("Bearer xoxb-", lookup.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_outside_the_group_is_refused()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.UserGroups[Group] = ["U0OTHER001"];
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:ModeratorUserGroupId"] = Group);

        var reply = await ModeratorHost.SlashReplyAsync(fake, "admin status");

        Assert.Contains(SlackText.Escape(bot.Engine.Notice(NoticeKind.Refusal).Message), (string)reply["text"]!);
        Assert.Single(fake.Calls, c => c.Method == "usergroups.users.list");
    }

    [Fact]
    public async Task User_group_lookup_fails_is_refused_and_logged_once()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:ModeratorUserGroupId"] = Group);
        fake.Script("usergroups.users.list", ScriptedResponse.Error("missing_scope"));

        var first = await ModeratorHost.SlashReplyAsync(fake, "admin reload");
        var second = await ModeratorHost.SlashReplyAsync(fake, "admin reload");

        Assert.All([first, second], reply =>
        {
            Assert.Contains(SlackText.Escape(bot.Engine.Notice(NoticeKind.Refusal).Message), (string)reply["text"]!);
            bot.AssertCarriesCaveatAndDoctorAdvice((string)reply["text"]!);
            Assert.Equal("ephemeral", (string)reply["response_type"]!);
        });
        Assert.Single(fake.Calls, c => c.Method == "usergroups.users.list");
        Assert.Single(bot.Logs.Lines, l => l.Message.Contains("cannot read moderator user group", StringComparison.Ordinal));
    }
}
