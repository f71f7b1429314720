using ChatBot.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Integration.Tests.Hosting;

/// <summary>One rule for both platforms: configured when a credential setting is non-blank.</summary>
public sealed class ConfiguredPlatformsTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("token", true)]
    public void Discord_is_configured_only_by_a_non_blank_token(string? token, bool expected) =>
        Assert.Equal(expected, ConfiguredPlatforms.Discord(Configuration(("Discord:ApplicationId", "1"), ("Discord:Token", token))));

    [Theory]
    [InlineData("Slack:BotToken", null, false)]
    [InlineData("Slack:BotToken", "", false)]
    [InlineData("Slack:AppToken", " ", false)]
    [InlineData("Slack:BotToken", "xoxb-1", true)]
    [InlineData("Slack:AppToken", "xapp-1", true)]
    [InlineData("Slack:SigningSecret", "secret", true)]
    public void Slack_is_configured_only_by_a_non_blank_credential(string setting, string? value, bool expected) =>
        Assert.Equal(expected, ConfiguredPlatforms.Slack(Configuration(("Slack:Mode", "socket"), (setting, value))));

    [Fact]
    public void A_blank_discord_token_leaves_discord_off_and_runs_the_console_chat()
    {
        var hosted = HostedServices(("Discord:Token", ""));

        Assert.DoesNotContain("DiscordBotService", hosted);
        Assert.Contains("ConsoleChatService", hosted);
    }

    [Fact]
    public void A_blank_discord_token_beside_a_slack_token_runs_slack_only()
    {
        var hosted = HostedServices(("Discord:Token", " "), ("Slack:BotToken", "xoxb-test"));

        Assert.DoesNotContain("DiscordBotService", hosted);
        Assert.DoesNotContain("ConsoleChatService", hosted);
        Assert.Contains(hosted, h => h.StartsWith("Slack", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_a_bot_on_a_platform_compiles_its_safety_patterns_as_it_starts()
    {
        Assert.Contains("SafetyPatternCompileService", HostedServices(("Slack:BotToken", "xoxb-test")));
        Assert.Contains("SafetyPatternCompileService", HostedServices(("Discord:Token", "token")));
        Assert.DoesNotContain("SafetyPatternCompileService", HostedServices(("Discord:Token", "")));
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    private static List<string> HostedServices(params (string Key, string? Value)[] settings)
    {
        var overrides = settings.ToDictionary(s => s.Key, s => s.Value);
        overrides["Knowledge:Path"] = Repository.Knowledge;
        var builder = ChatBotHostBuilder.Create([], overrides);
        return builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType?.Name ?? "").ToList();
    }
}
