using ChatBot.Discord.Configuration;
using ChatBot.Discord;
using ChatBot.Slack.Configuration;
using Microsoft.Extensions.Configuration;

namespace ChatBot.Host;

/// <summary>
/// Which chat platforms run, by one rule: a platform is configured when one of its credential settings is
/// non-blank. A blank value (an empty environment variable, a placeholder left empty) counts as absent, so
/// the bot runs on the other platform or as the console chat. A partial set (Slack's app token without its
/// bot token) does start the adapter, whose validation then stops the host naming what is missing.
/// </summary>
public static class ConfiguredPlatforms
{
    public static bool Discord(IConfiguration configuration) =>
        AnyNonBlank(configuration, DiscordOptions.SectionName, nameof(DiscordOptions.Token));

    public static bool Slack(IConfiguration configuration) =>
        AnyNonBlank(configuration, SlackOptions.SectionName, nameof(SlackOptions.BotToken), nameof(SlackOptions.AppToken), nameof(SlackOptions.SigningSecret));

    public static bool Any(IConfiguration configuration) => Discord(configuration) || Slack(configuration);

    private static bool AnyNonBlank(IConfiguration configuration, string section, params string[] settings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = configuration.GetSection(section);
        return settings.Any(setting => !string.IsNullOrWhiteSpace(values[setting]));
    }
}
