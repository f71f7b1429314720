namespace ChatBot.Slack.WebApi;

/// <summary>How the adapter reacts to Slack's <c>error</c> codes.</summary>
public static class SlackErrors
{
    private static readonly HashSet<string> Fatal = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
        "user_removed_from_team", "team_disabled", "missing_args",
    };

    public static bool IsFatal(string? error) => error is not null && Fatal.Contains(error);

    public static bool IsRateLimit(string? error) => error is "ratelimited" or "rate_limited";

    /// <summary>
    /// A call that failed in a way Slack certainly did not act on: a 5xx or a rate limit still there after every
    /// retry (<see cref="SlackApiClient"/> reports those as <c>http_5xx</c>, <c>http_429</c> or <c>ratelimited</c>).
    /// Not <c>internal_error</c> and the like: Slack may have posted before failing.
    /// </summary>
    public static bool NotActedOn(string? error) =>
        IsRateLimit(error) || error == "http_429" || (error is { Length: 8 } && error.StartsWith("http_5", StringComparison.Ordinal));

    /// <summary>A one-line explanation for the log; never includes a token.</summary>
    public static string Describe(string method, string? channel, string? error) => error switch
    {
        "not_in_channel" => $"Slack {method}: the bot is not a member of channel {channel} (not_in_channel); invite it with /invite.",
        "channel_not_found" => $"Slack {method}: channel {channel} not found or not visible to the bot (channel_not_found).",
        "user_not_in_channel" => $"Slack {method}: the user is not in channel {channel} (user_not_in_channel).",
        "ratelimited" or "rate_limited" => $"Slack {method}: rate limited for channel {channel} ({error}).",
        "missing_scope" => $"Slack {method}: the bot token lacks a scope (missing_scope); add it and reinstall the app.",
        _ when IsFatal(error) => $"Slack rejected the token on {method} ({error}); check Slack:BotToken / Slack:AppToken. Stopping.",
        _ => $"Slack {method} failed for channel {channel}: {error}.",
    };
}
