namespace ChatBot.Slack.Configuration;

/// <summary>The <c>Slack</c> configuration section. Tokens come from environment variables or user secrets only.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>
    /// The older key for <c>Delivery:PublicSafetyGuidance</c>, kept as an alias for Slack alone:
    /// <c>true</c> (Private) or <c>false</c> (Public).
    /// </summary>
    public const string PublicSafetyModeKey = SectionName + ":PublicSafetyMode";

    /// <summary>Bot token (<c>xoxb-…</c>) for every Web API call.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (<c>xapp-…</c>, scope <c>connections:write</c>); Socket Mode only.</summary>
    public string? AppToken { get; set; }

    /// <summary>Signing secret; HTTP mode only.</summary>
    public string? SigningSecret { get; set; }

    /// <summary><c>socket</c> (default, no public URL needed) or <c>http</c> (Events API on Kestrel).</summary>
    public string Mode { get; set; } = "socket";

    public string SlashCommand { get; set; } = "/sleepfaq";

    /// <summary>Concurrent Socket Mode connections, 1–10 (Slack's cap is 10).</summary>
    public int Connections { get; set; } = 2;

    /// <summary><c>ephemeral</c> (default: health questions stay private) or <c>in_channel</c>.</summary>
    public string SlashReplyVisibility { get; set; } = "ephemeral";

    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Kestrel listen URL for HTTP mode.</summary>
    public string HttpListenUrl { get; set; } = "http://0.0.0.0:3000";

    public int Workers { get; set; } = 4;

    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Delay between opening successive connections, so they are not recycled together.</summary>
    public TimeSpan ConnectionStagger { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The bot pings Slack this often on every socket (a WebSocket ping; Slack's own keep-alive is pings too),
    /// so a quiet workspace keeps its sockets and a dead one is noticed.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>No pong within this long after a ping: the socket is dead, dropped and reopened.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a slash command may take before it is acked empty and answered via response_url.</summary>
    public TimeSpan SlashAckBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The shortest time between two <c>chat.postMessage</c> calls to one channel: Slack allows about one message a
    /// second per channel, tolerating only short bursts. Zero turns pacing off. Other channels never wait.
    /// </summary>
    public TimeSpan ChannelPostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per Web API call for transient failures (429 waits do not count).</summary>
    public int MaxApiAttempts { get; set; } = 4;

    /// <summary>The first word of <c>/sleepfaq admin …</c>: moderator commands follow it.</summary>
    public string AdminSubcommand { get; set; } = "admin";

    /// <summary>Users allowed to run moderator commands (<c>U…</c>/<c>W…</c> ids).</summary>
    public List<string> ModeratorUserIds { get; set; } = [];

    /// <summary>A user group (<c>S…</c>) whose members are moderators; needs the <c>usergroups:read</c> scope.</summary>
    public string? ModeratorUserGroupId { get; set; }

    /// <summary>How long user-group membership is remembered before asking Slack again.</summary>
    public TimeSpan ModeratorGroupCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where knowledge reload reports go (a rejected edit, a new version live); none when unset.</summary>
    public string? ModeratorChannelId { get; set; }

    public bool IsHttpMode => string.Equals(Mode, "http", StringComparison.OrdinalIgnoreCase);

    public bool SlashInChannel => string.Equals(SlashReplyVisibility, "in_channel", StringComparison.OrdinalIgnoreCase);
}
