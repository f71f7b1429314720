using ChatBot.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Tests;

[Collection(ProcessExitCodeCollection.Name)]
public sealed class DiscordStartupTests
{
    [Fact]
    public async Task Malformed_token_fails_the_start_with_one_clear_line()
    {
        const string token = "not-a-token";
        using var host = Build(new() { ["Discord:Token"] = token });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.StartsWith("Discord:Token is malformed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_api_base_url_names_the_setting()
    {
        using var host = Build(new() { ["Discord:Token"] = FakeDiscord.ValidToken, ["Discord:ApiBaseUrl"] = "discord" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Discord:ApiBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Discord:ModeratorChannelId", "#mods")]
    [InlineData("Discord:ModeratorRoleIds:0", "Moderators")]
    [InlineData("Discord:AdminCommandName", "FAQ Admin")]
    [InlineData("Discord:AdminCommandName", "faq")]
    public async Task Bad_moderator_setting_fails_the_start_with_one_line_naming_it(string key, string value)
    {
        using var host = Build(new() { ["Discord:Token"] = FakeDiscord.ValidToken, [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.StartsWith(key.Split(':', 3) is [var section, var name, ..] ? $"{section}:{name} must" : key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_shard_range_without_the_shard_count_fails_the_start_naming_it()
    {
        using var host = Build(new() { ["Discord:Token"] = FakeDiscord.ValidToken, ["Discord:ShardIds:0"] = "1" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.StartsWith("Discord:ShardCount is required with Discord:ShardIds", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task The_older_safety_key_contradicting_the_delivery_key_fails_the_start_naming_both()
    {
        using var host = Build(new()
        {
            ["Discord:Token"] = FakeDiscord.ValidToken,
            ["Discord:PublicSafetyMode"] = "Public",
            ["Delivery:PublicSafetyGuidance"] = "Private",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.StartsWith("Discord:PublicSafetyMode", error.Message, StringComparison.Ordinal);
        Assert.Contains("Delivery:PublicSafetyGuidance", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Discord_and_Slack_can_be_configured_at_once_and_then_the_console_chat_is_off()
    {
        var builder = ChatBotHostBuilder.Create([], new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Repository.Knowledge,
            ["Discord:Token"] = FakeDiscord.ValidToken,
            ["Slack:BotToken"] = "xoxb-test",
        });
        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType?.Name ?? "").ToList();

        Assert.Contains("DiscordBotService", hosted);
        Assert.Contains(hosted, h => h.StartsWith("Slack", StringComparison.Ordinal));
        Assert.DoesNotContain("ConsoleChatService", hosted);
    }

    [Fact]
    public async Task Rejected_token_stops_the_host_without_identifying()
    {
        try
        {
            await using var fake = await FakeDiscord.StartAsync();
            using var host = Build(new() { ["Discord:Token"] = "MTIwMDAwMDAwMDAwMDAwMDAwMQ.GfAkEt.wrong-token-for-tests-only-0123456789", ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl });
            var lifetime = (IHostApplicationLifetime)host.Services.GetService(typeof(IHostApplicationLifetime))!;
            await host.StartAsync();

            await Eventually.TrueAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "host stopping");
            Assert.Equal(0, fake.Gateway.Identifies);
            Assert.Single(fake.Requests);
            await host.StopAsync();
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        settings["Knowledge:Path"] = Repository.Knowledge;
        settings["Retrieval:Mode"] = "Lexical";
        settings["Console:Enabled"] = "false";
        var builder = ChatBotHostBuilder.Create([], settings);
        builder.Logging.ClearProviders();
        return builder.Build();
    }
}
