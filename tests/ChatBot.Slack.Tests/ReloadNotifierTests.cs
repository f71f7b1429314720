using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Slack.Tests;

/// <summary>Knowledge reload reports reach the moderator channel through the one send path, and only when they matter.</summary>
public sealed class ReloadNotifierTests
{
    private const string BrokenField = @"side-effects\.yaml:\d+: caveatz";

    private static ReloadReport Report(bool applied, string serving, string previous, int errors = 0) =>
        new(applied, serving, previous, 30, [.. Enumerable.Range(1, errors).Select(i => new KnowledgeError($"faq/e{i}.yaml", i, "answer", "is empty"))], TimeSpan.FromMilliseconds(5), DateTimeOffset.UnixEpoch);

    private static ModeratorChannelNotifier Notifier(SlackTestHost bot) =>
        bot.Host.Services.GetServices<IReloadNotifier>().OfType<ModeratorChannelNotifier>().Single();

    [Fact]
    public async Task Broken_edit_posts_the_rejection_with_file_and_line_to_the_moderator_channel()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await ModeratorHost.StartAsync(fake, s => s["Slack:ModeratorChannelId"] = ModeratorHost.ModeratorChannel, watch: true);

        bot.Edit("faq/side-effects.yaml", "caveats:", "caveatz:");
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "moderator channel post");

        // One save gives one reload (Core's property, tested there); here only the first report matters.
        var post = fake.Delivered("chat.postMessage").First();
        Assert.Equal(ModeratorHost.ModeratorChannel, post.Str("channel"));
        Assert.Contains("rejected", post.Str("text"));
        Assert.Matches(BrokenField, post.Str("text"));
        Assert.DoesNotContain("<", post.Json);
        Assert.DoesNotContain(">", post.Json);
        Assert.Contains(SlackTextOf(bot, r => r.DoctorAdvice), post.Str("text"));
    }

    [Fact]
    public async Task Admin_reload_without_moderator_channel_replies_with_the_errors_and_posts_nothing()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await ModeratorHost.StartAsync(fake, s => s["Slack:ModeratorUserIds:0"] = ModeratorHost.Moderator);
        bot.Edit("faq/side-effects.yaml", "caveats:", "caveatz:");

        var reply = await ModeratorHost.SlashReplyAsync(fake, "admin reload");

        Assert.Equal("ephemeral", (string)reply["response_type"]!);
        Assert.Matches(BrokenField, (string)reply["text"]!);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task Admin_reload_with_moderator_channel_also_tells_the_channel()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await ModeratorHost.StartAsync(fake, s =>
        {
            s["Slack:ModeratorUserIds:0"] = ModeratorHost.Moderator;
            s["Slack:ModeratorChannelId"] = ModeratorHost.ModeratorChannel;
        });
        bot.Edit("faq/side-effects.yaml", "caveats:", "caveatz:");

        await ModeratorHost.SlashReplyAsync(fake, "admin reload");

        var post = Assert.Single(fake.Delivered("chat.postMessage"));
        Assert.Equal(ModeratorHost.ModeratorChannel, post.Str("channel"));
        Assert.Matches(BrokenField, post.Str("text"));
    }

    [Fact]
    public async Task Unchanged_reload_posts_nothing_new_version_posts()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:ModeratorChannelId"] = ModeratorHost.ModeratorChannel);

        await Notifier(bot).NotifyAsync(Report(applied: true, "v1", "v1"), CancellationToken.None);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "chat.postMessage");

        await Notifier(bot).NotifyAsync(Report(applied: true, "v2", "v1"), CancellationToken.None);
        var post = Assert.Single(fake.Delivered("chat.postMessage"));
        Assert.Contains("Knowledge v2 is live", post.Str("text"));
        bot.AssertCarriesCaveatAndDoctorAdvice(post.Str("text"));
    }

    [Fact]
    public async Task Many_errors_shows_ten_and_counts_the_rest()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:ModeratorChannelId"] = ModeratorHost.ModeratorChannel);

        await Notifier(bot).NotifyAsync(Report(applied: false, "v1", "v1", errors: 13), CancellationToken.None);

        var text = Assert.Single(fake.Delivered("chat.postMessage")).Str("text")!;
        Assert.Contains("faq/e10.yaml:10: answer: is empty", text);
        Assert.DoesNotContain("faq/e11.yaml", text);
        Assert.Contains("and 3 more", text);
    }

    [Fact]
    public async Task No_moderator_channel_posts_nothing()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await Notifier(bot).NotifyAsync(Report(applied: false, "v1", "v1", errors: 1), CancellationToken.None);

        Assert.DoesNotContain(fake.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task Slack_refuses_the_post_is_logged_not_thrown()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:ModeratorChannelId"] = ModeratorHost.ModeratorChannel);
        fake.Script("chat.postMessage", ScriptedResponse.Error("not_in_channel"));

        await Notifier(bot).NotifyAsync(Report(applied: false, "v1", "v1", errors: 1), CancellationToken.None);

        Assert.Contains(bot.Logs.Lines, l => l.Message.Contains("not a member of channel " + ModeratorHost.ModeratorChannel, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slack_unreachable_is_logged_not_thrown()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s =>
        {
            s["Slack:ModeratorChannelId"] = ModeratorHost.ModeratorChannel;
            s["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/";
            s["Slack:MaxApiAttempts"] = "1";
        }, waitForSocket: false);

        await Notifier(bot).NotifyAsync(Report(applied: false, "v1", "v1", errors: 1), CancellationToken.None);

        Assert.Contains(bot.Logs.Lines, l => l.Message.Contains("could not post the knowledge reload report", StringComparison.Ordinal));
    }

    private static string SlackTextOf(ModeratorHost bot, Func<Core.Replies.Reply, string> part) =>
        ChatBot.Slack.Rendering.SlackText.Escape(part(bot.Host.Services.GetRequiredService<IAnswerEngine>().Info("x")));
}
