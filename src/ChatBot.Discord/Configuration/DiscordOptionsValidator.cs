using System.Text.RegularExpressions;
using ChatBot.Discord.Interactions;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Configuration;

/// <summary>
/// Checks the settings at start. Each failure is one line naming the setting; the token's value is
/// never part of a message.
/// </summary>
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("Discord:Token is missing: set the DISCORD__TOKEN environment variable (or user secret Discord:Token) to the bot token from the Developer Portal.");
        }
        else if (!TokenShape().IsMatch(options.Token.Trim()))
        {
            failures.Add("Discord:Token is malformed: expected the bot token from the Developer Portal's Bot page (three dot-separated parts, no 'Bot ' prefix).");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10.");
        }

        if (!string.IsNullOrEmpty(options.ApplicationId) && !IsSnowflake(options.ApplicationId))
        {
            failures.Add("Discord:ApplicationId must be a numeric snowflake id.");
        }

        if (options.GuildIds.Any(id => !IsSnowflake(id)))
        {
            failures.Add("Discord:GuildIds must hold numeric snowflake ids.");
        }

        if (options.AllowedChannelIds.Any(id => !IsSnowflake(id)))
        {
            failures.Add("Discord:AllowedChannelIds must hold numeric snowflake ids.");
        }

        if (options.ModeratorRoleIds.Any(id => !IsSnowflake(id)))
        {
            failures.Add("Discord:ModeratorRoleIds must hold numeric snowflake role ids (Server Settings → Roles → Copy Role ID).");
        }

        if (!string.IsNullOrEmpty(options.ModeratorChannelId) && !IsSnowflake(options.ModeratorChannelId))
        {
            failures.Add("Discord:ModeratorChannelId must be a numeric snowflake channel id (right-click the channel → Copy Channel ID).");
        }

        if (options.AdminCommandName is null || !CommandName().IsMatch(options.AdminCommandName) || CommandDefinitions.PublicNames.Contains(options.AdminCommandName))
        {
            failures.Add($"Discord:AdminCommandName must be 1-32 lower-case letters, digits, '-' or '_', and not one of {string.Join(", ", CommandDefinitions.PublicNames)}.");
        }

        if (options.ShardCount is < 1)
        {
            failures.Add("Discord:ShardCount must be at least 1.");
        }

        if (options.ShardIds.Any(id => id < 0 || (options.ShardCount is { } count && id >= count)))
        {
            failures.Add("Discord:ShardIds must be between 0 and ShardCount - 1.");
        }

        if (options.ShardIds.Count > 0 && options.ShardCount is null)
        {
            failures.Add("Discord:ShardCount is required with Discord:ShardIds: every process must agree on it, and Discord's recommendation can change between starts.");
        }

        if (options.Workers is < 1 or > 64 || options.QueueCapacity < 1 || options.MessageBacklog < 1)
        {
            failures.Add("Discord:Workers must be 1..64, and Discord:QueueCapacity and Discord:MessageBacklog at least 1.");
        }

        if (options.DeferAfterMilliseconds is < 0 or > 2500)
        {
            failures.Add("Discord:DeferAfterMilliseconds must be 0..2500 (Discord drops interactions not answered within 3 s).");
        }

        if (options.GlobalRequestsPerSecond < 1)
        {
            failures.Add("Discord:GlobalRequestsPerSecond must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSnowflake(string value) => value.Length is > 0 and <= 20 && ulong.TryParse(value, out _);

    [GeneratedRegex(@"^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommandName();

    [GeneratedRegex(@"^[A-Za-z0-9_\-]{18,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{20,}$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShape();
}
