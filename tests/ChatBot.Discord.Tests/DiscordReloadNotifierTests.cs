using System.Text.Json;
using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Moderation;
using Microsoft.Extensions.DependencyInjection;
using static ChatBot.Discord.Tests.DiscordModeratorHost;

namespace ChatBot.Discord.Tests;

/// <summary>Knowledge reload reports reach the moderator channel through the one send path, and only when they matter.</summary>
public sealed class DiscordReloadNotifierTests
{
    private static readonly Dictionary<string, string?> WithChannel = new() { ["Discord:ModeratorChannelId"] = ModeratorChannel };

    private static ReloadReport Report(bool applied, string serving, string previous, int errors = 0) =>
        new(applied, serving, previous, 30, [.. Enumerable.Range(1, errors).Select(i => new KnowledgeError($"faq/e{i}.yaml", i, "answer", "is empty"))], TimeSpan.FromMilliseconds(5), DateTimeOffset.UnixEpoch.AddSeconds(errors));

    private static ModeratorChannelNotifier Notifier(DiscordModeratorHost bot) =>
        bot.Test.Host.Services.GetServices<IReloadNotifier>().OfType<ModeratorChannelNotifier>().Single();

    private static JsonElement Json(System.Text.Json.Nodes.JsonObject body) => JsonSerializer.SerializeToElement(body);

    [Fact]
    public async Task Broken_edit_posts_the_rejection_with_file_and_line_to_the_moderator_channel()
    {
        await using var bot = await StartAsync(WithChannel, watch: true);

        bot.Edit("faq/side-effects.yaml", "caveats:", "caveatz:");
        await Eventually.TrueAsync(() => !bot.Test.Fake.Messages.IsEmpty, "moderator channel post");

        // One save gives one reload (Core's property, tested there); here only the first report matters.
        var (channel, body, _) = bot.Test.Fake.Messages.First();
        Assert.Equal(ModeratorChannel, channel);
        var message = Json(body);
        var text = Text(message);
        Assert.Contains("rejected", text, StringComparison.Ordinal);
        Assert.Matches(@"side-effects\.yaml:\d+: caveatz", text);
        AssertNoMentions(message);
        AssertCarriesCaveatsAndDoctorAdvice(bot.Engine.Info("x"), text);
        Assert.False(message.TryGetProperty("components", out _));
    }

    [Fact]
    public async Task Edit_that_breaks_a_moderator_test_posts_the_failing_expectation_with_its_line()
    {
        await using var bot = await StartAsync(WithChannel, watch: true);

        bot.Edit("tests.yaml", "expect: side-effects", "expect: kidney-disease");
        // The rejection comes after the whole gate has run on the edit: about 11 s alone on a 2-core machine, and over a minute
        // while the other test projects load it too (one CI run timed out at 60 s). Waiting longer costs a passing run nothing.
        await Eventually.TrueAsync(() => !bot.Test.Fake.Messages.IsEmpty, "moderator channel post", TimeSpan.FromSeconds(180));

        var text = Text(Json(bot.Test.Fake.Messages.First().Body));
        Assert.Contains("rejected", text, StringComparison.Ordinal);
        Assert.Matches(@"tests\.yaml:\d+: .+ → got side-effects, expected kidney-disease", text);
    }

    [Fact]
    public async Task Broken_edit_without_a_moderator_channel_posts_nothing()
    {
        await using var bot = await StartAsync(watch: true);
        var store = bot.Test.Host.Services.GetRequiredService<KnowledgeStore>();

        bot.Edit("faq/side-effects.yaml", "caveats:", "caveatz:");
        await Eventually.TrueAsync(() => store.LastReload is { Applied: false }, "rejected reload");

        Assert.Empty(bot.Test.Fake.Messages);
    }

    [Fact]
    public async Task Moderator_reload_also_tells_the_moderator_channel()
    {
        await using var bot = await StartAsync(WithChannel);
        bot.Edit("faq/side-effects.yaml", "caveats:", "caveatz:");

        await bot.CallbackAsync(Admin("reload", [ModeratorRole], "0"));

        await Eventually.TrueAsync(() => !bot.Test.Fake.Messages.IsEmpty, "moderator channel post");
        var (channel, body, _) = Assert.Single(bot.Test.Fake.Messages);
        Assert.Equal(ModeratorChannel, channel);
        Assert.Matches(@"side-effects\.yaml:\d+: caveatz", Text(Json(body)));
    }

    [Fact]
    public async Task Unchanged_reload_posts_nothing_and_a_new_version_posts()
    {
        await using var bot = await StartAsync(WithChannel);

        await Notifier(bot).NotifyAsync(Report(applied: true, "v1", "v1"), CancellationToken.None);
        Assert.Empty(bot.Test.Fake.Messages);

        await Notifier(bot).NotifyAsync(Report(applied: true, "v2", "v1"), CancellationToken.None);
        var (_, body, _) = Assert.Single(bot.Test.Fake.Messages);
        Assert.Contains("Knowledge v2 is live", Text(Json(body)), StringComparison.Ordinal);
        Assert.NotNull(body["nonce"]);
    }

    [Fact]
    public async Task Many_errors_show_ten_and_count_the_rest()
    {
        await using var bot = await StartAsync(WithChannel);

        await Notifier(bot).NotifyAsync(Report(applied: false, "v1", "v1", errors: 13), CancellationToken.None);

        var text = Text(Json(Assert.Single(bot.Test.Fake.Messages).Body));
        Assert.Contains("faq/e10.yaml:10: answer: is empty", text, StringComparison.Ordinal);
        Assert.DoesNotContain("faq/e11.yaml", text, StringComparison.Ordinal);
        Assert.Contains("and 3 more", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discord_refusing_the_post_is_logged_not_thrown()
    {
        await using var bot = await StartAsync(WithChannel);
        bot.Test.Fake.FailNext(FakeDiscord.IsMessageCreate, new RestFault(RestFaultKind.Forbidden));

        await Notifier(bot).NotifyAsync(Report(applied: false, "v1", "v1", errors: 1), CancellationToken.None);

        Assert.Empty(bot.Test.Fake.Messages);
        Assert.Contains(bot.Test.Logs.Lines, l => l.Message.Contains("could not post the knowledge reload report to moderator channel " + ModeratorChannel, StringComparison.Ordinal));
        Assert.False(bot.Test.Host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
    }
}
