using ChatBot.Host;
using ChatBot.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Tests;

/// <summary>Start-up failures: bad settings stop the start with one line; a rejected token stops the host. Serial: they touch the exit code.</summary>
[Collection(ProcessExitCodeCollection.Name)]
public sealed class StartupTests
{
    private static Dictionary<string, string?> HostSettings() => new()
    {
        ["Knowledge:Path"] = Repository.Knowledge,
        ["Retrieval:Mode"] = "Lexical",
        ["Console:Enabled"] = "false",
        ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
    };

    [Theory]
    [InlineData(null, "Slack:BotToken is missing")]
    [InlineData("xoxp-user-token-secret42", "Slack:BotToken is malformed")]
    [InlineData("xapp-swapped-secret42", "Slack:BotToken is malformed")]
    public async Task Bad_bot_token_fails_the_start_with_one_clear_line(string? botToken, string expected)
    {
        var settings = HostSettings();
        settings["Slack:AppToken"] = "xapp-1-app-secret42";
        settings["Slack:BotToken"] = botToken;
        await AssertStartFailsWithOneLineAsync(settings, expected);
    }

    [Theory]
    [InlineData("Slack:ModeratorUserIds:0", "@alice", "Slack:ModeratorUserIds must hold Slack user ids")]
    [InlineData("Slack:ModeratorUserGroupId", "U0NOTAGROUP", "Slack:ModeratorUserGroupId must be a user group id")]
    [InlineData("Slack:ModeratorChannelId", "#moderators", "Slack:ModeratorChannelId must be a channel id")]
    [InlineData("Slack:AdminSubcommand", "ad min", "Slack:AdminSubcommand must be one word")]
    [InlineData("Slack:ModeratorGroupCacheDuration", "00:00:00", "Slack:ModeratorGroupCacheDuration must be positive")]
    public async Task Bad_moderator_setting_fails_the_start_with_one_clear_line(string key, string value, string expected)
    {
        var settings = HostSettings();
        settings["Slack:AppToken"] = "xapp-1-app-secret42";
        settings["Slack:BotToken"] = "xoxb-1-bot-secret42";
        settings[key] = value;
        await AssertStartFailsWithOneLineAsync(settings, expected);
    }

    [Theory]
    [InlineData("Slack:ChannelPostInterval", "-00:00:01", "Slack:ChannelPostInterval must be between")]
    [InlineData("Slack:ChannelPostInterval", "00:02:00", "Slack:ChannelPostInterval must be between")]
    [InlineData("Slack:SlashAckBudget", "00:00:00", "Slack:SlashAckBudget must be above")]
    [InlineData("Slack:SlashAckBudget", "00:00:03", "Slack:SlashAckBudget must be above")]
    public async Task Bad_timing_setting_fails_the_start_with_one_clear_line(string key, string value, string expected)
    {
        var settings = HostSettings();
        settings["Slack:AppToken"] = "xapp-1-app-secret42";
        settings["Slack:BotToken"] = "xoxb-1-bot-secret42";
        settings[key] = value;
        await AssertStartFailsWithOneLineAsync(settings, expected);
    }

    [Fact]
    public async Task Invalid_auth_stops_the_host_with_one_clear_line()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.AuthTestError = "invalid_auth";
        await using var bot = await SlackTestHost.StartAsync(fake, waitForSocket: false);
        try
        {
            var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();
            await Eventually.TrueAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "host stop");

            var fatal = Assert.Single(bot.Logs.Lines, l => l.Level == LogLevel.Critical);
            Assert.Contains("invalid_auth", fatal.Message);
            Assert.Contains("Slack:BotToken", fatal.Message);
            Assert.Equal(1, Environment.ExitCode);
            Assert.Equal(0, fake.ConnectionsOpened);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task Invalid_auth_on_post_stops_the_host()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        fake.Script("chat.postMessage", ScriptedResponse.Error("token_revoked"));
        try
        {
            await fake.SendEnvelopeAsync(SlackFrames.Mention("hello", SlackFrames.Ts(1)));
            var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();
            await Eventually.TrueAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "host stop");
            Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Critical && l.Message.Contains("token_revoked", StringComparison.Ordinal));
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task Link_disabled_stops_the_host_with_a_clear_message()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        try
        {
            await fake.DisconnectAsync(fake.LiveSockets[0], "link_disabled", TimeSpan.FromMilliseconds(100));
            var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();
            await Eventually.TrueAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "host stop");
            var fatal = Assert.Single(bot.Logs.Lines, l => l.Level == LogLevel.Critical);
            Assert.Contains("link_disabled", fatal.Message);
            Assert.Equal(1, fake.ConnectionsOpened);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task Link_disabled_before_hello_stops_the_host_rather_than_reconnecting()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.HoldHellosAfter(0);
        await using var bot = await SlackTestHost.StartAsync(fake);
        try
        {
            await fake.DisconnectAsync(fake.LiveSockets[0], "link_disabled", TimeSpan.FromMilliseconds(100));
            var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();
            await Eventually.TrueAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "host stop");
            Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Critical && l.Message.Contains("link_disabled", StringComparison.Ordinal));
            Assert.Equal(1, fake.ConnectionsOpened);
        }
        finally
        {
            fake.ReleaseHellos();
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task Link_disabled_on_one_of_two_sockets_stops_the_host_without_waiting_for_the_other()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:Connections"] = "2");
        try
        {
            await fake.DisconnectAsync(fake.LiveSockets[0], "link_disabled", TimeSpan.FromMilliseconds(100));
            var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();
            await Eventually.TrueAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "host stop");

            var fatal = Assert.Single(bot.Logs.Lines, l => l.Level == LogLevel.Critical);
            Assert.Contains("link_disabled", fatal.Message);
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    private static async Task AssertStartFailsWithOneLineAsync(Dictionary<string, string?> settings, string expected)
    {
        using var host = ChatBotHostBuilder.Create([], settings).Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var line = StartupFailure.Describe(error);
        Assert.NotNull(line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain("secret42", line);
    }
}
