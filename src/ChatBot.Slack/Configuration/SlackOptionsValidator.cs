using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Configuration;

/// <summary>Checks the Slack section at start. Messages name the setting, never its value.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    /// <summary>Longer than any sensible pacing: beyond it a busy channel's replies would queue for minutes.</summary>
    private static readonly TimeSpan MaxChannelPostInterval = TimeSpan.FromMinutes(1);

    /// <summary>Slack shows the person an error when a slash command is not acknowledged within three seconds.</summary>
    private static readonly TimeSpan SlackAckDeadline = TimeSpan.FromSeconds(3);

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        Token(failures, "BotToken", options.BotToken, "xoxb-", required: true);
        var socket = string.Equals(options.Mode, "socket", StringComparison.OrdinalIgnoreCase);
        if (!socket && !options.IsHttpMode)
        {
            failures.Add("Slack:Mode must be 'socket' or 'http'.");
        }

        Token(failures, "AppToken", options.AppToken, "xapp-", required: socket);
        if (options.IsHttpMode && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            failures.Add("Slack:SigningSecret is missing; HTTP mode needs it to verify requests (env Slack__SigningSecret).");
        }

        if (options.Connections is < 1 or > 10)
        {
            failures.Add("Slack:Connections must be between 1 and 10.");
        }

        if (options.SlashCommand.Length < 2 || options.SlashCommand[0] != '/' || options.SlashCommand.Any(char.IsWhiteSpace))
        {
            failures.Add("Slack:SlashCommand must look like '/sleepfaq'.");
        }

        if (options.SlashReplyVisibility is not ("ephemeral" or "in_channel"))
        {
            failures.Add("Slack:SlashReplyVisibility must be 'ephemeral' or 'in_channel'.");
        }

        if (!IsHttpUrl(options.ApiBaseUrl) || !options.ApiBaseUrl.EndsWith('/'))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute http(s) URL ending in '/'.");
        }

        if (options.IsHttpMode && !IsHttpUrl(options.HttpListenUrl))
        {
            failures.Add("Slack:HttpListenUrl must be an absolute http(s) URL.");
        }

        if (options.Workers is < 1 or > 64 || options.QueueCapacity < 1 || options.MaxApiAttempts < 1)
        {
            failures.Add("Slack:Workers (1–64), Slack:QueueCapacity and Slack:MaxApiAttempts must be positive.");
        }

        if (options.ChannelPostInterval < TimeSpan.Zero || options.ChannelPostInterval > MaxChannelPostInterval)
        {
            failures.Add("Slack:ChannelPostInterval must be between 00:00:00 (no pacing) and 00:01:00.");
        }

        if (options.SlashAckBudget <= TimeSpan.Zero || options.SlashAckBudget >= SlackAckDeadline)
        {
            failures.Add("Slack:SlashAckBudget must be above 00:00:00 and below 00:00:03 (Slack's deadline for acknowledging a slash command).");
        }

        Moderators(failures, options);
        if (options.KeepAliveInterval <= TimeSpan.Zero || options.KeepAliveTimeout <= TimeSpan.Zero)
        {
            failures.Add("Slack:KeepAliveInterval and Slack:KeepAliveTimeout must be positive.");
        }

        if (options.ReconnectBaseDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectBaseDelay)
        {
            failures.Add("Slack:ReconnectBaseDelay must be positive and Slack:ReconnectMaxDelay no shorter.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Moderators(List<string> failures, SlackOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AdminSubcommand) || !options.AdminSubcommand.All(char.IsAsciiLetterOrDigit))
        {
            failures.Add("Slack:AdminSubcommand must be one word of letters or digits, e.g. 'admin'.");
        }

        if (options.ModeratorUserIds.Any(id => !IsSlackId(id, "UW")))
        {
            failures.Add("Slack:ModeratorUserIds must hold Slack user ids like 'U0123ABCD'.");
        }

        if (options.ModeratorUserGroupId is { Length: > 0 } group && !IsSlackId(group, "S"))
        {
            failures.Add("Slack:ModeratorUserGroupId must be a user group id like 'S0123ABCD'.");
        }

        if (options.ModeratorChannelId is { Length: > 0 } channel && !IsSlackId(channel, "CG"))
        {
            failures.Add("Slack:ModeratorChannelId must be a channel id like 'C0123ABCD' (not a #name).");
        }

        if (options.ModeratorGroupCacheDuration <= TimeSpan.Zero)
        {
            failures.Add("Slack:ModeratorGroupCacheDuration must be positive.");
        }
    }

    private static bool IsSlackId(string? value, string prefixes) =>
        value is { Length: >= 3 } && prefixes.Contains(value[0], StringComparison.Ordinal) && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    private static void Token(List<string> failures, string key, string? value, string prefix, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                failures.Add($"Slack:{key} is missing; set the '{prefix}…' token (env Slack__{key}).");
            }
        }
        else if (!value.StartsWith(prefix, StringComparison.Ordinal) || value.Length < prefix.Length + 4 || value.Any(char.IsWhiteSpace))
        {
            failures.Add($"Slack:{key} is malformed; it must start with '{prefix}'.");
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
