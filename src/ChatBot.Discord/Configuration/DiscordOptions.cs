namespace ChatBot.Discord.Configuration;

/// <summary>Settings of the Discord adapter, bound from the <c>Discord</c> configuration section.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The platform's name in Core's records (questions, feedback, where a reply goes).</summary>
    public const string Platform = "discord";

    /// <summary>
    /// The older key for <c>Delivery:PublicSafetyGuidance</c>, kept as an alias for Discord alone:
    /// <c>Private</c> or <c>Public</c>.
    /// </summary>
    public const string PublicSafetyModeKey = SectionName + ":PublicSafetyMode";

    /// <summary>The bot token. From environment variables or user secrets only; never logged.</summary>
    public string? Token { get; set; }

    /// <summary>The application id; read from the API when empty.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Guilds to register the slash commands in (instant); empty registers them globally.</summary>
    public List<string> GuildIds { get; set; } = [];

    /// <summary>Asks for the privileged MESSAGE_CONTENT intent. Mentions and DMs carry content without it.</summary>
    public bool MessageContent { get; set; }

    /// <summary>Extra intent bits to OR into the identify intents (advanced).</summary>
    public int ExtraIntents { get; set; }

    /// <summary>Total shard count; taken from <c>GET /gateway/bot</c> when empty.</summary>
    public int? ShardCount { get; set; }

    /// <summary>The shards this process runs; all shards when empty.</summary>
    public List<int> ShardIds { get; set; } = [];

    /// <summary>Guild channels the bot answers mentions in; empty means every channel it can see.</summary>
    public List<string> AllowedChannelIds { get; set; } = [];

    /// <summary>Embed (default) or plain text replies.</summary>
    public ReplyStyle ReplyStyle { get; set; } = ReplyStyle.Embed;

    /// <summary>REST base URL including the version.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>An interaction is deferred when its reply is not ready this long after receipt (Discord allows 3 s).</summary>
    public int DeferAfterMilliseconds { get; set; } = 1500;

    /// <summary>Event workers for messages (interactions are each handled as they arrive); a channel's messages always go to the same worker, so replies keep their order.</summary>
    public int Workers { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Capacity of each worker's bounded event queue.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// Events the receive loops may leave waiting in front of full worker queues; past it a new message is dropped
    /// (and logged). Heartbeats, session frames and interactions never wait and are never dropped.
    /// </summary>
    public int MessageBacklog { get; set; } = 10_000;

    /// <summary>Fewer daily session starts than this left: refuse to IDENTIFY rather than risk a token reset.</summary>
    public int MinSessionStartsLeft { get; set; } = 5;

    /// <summary>Client-side budget for bot-token requests per second. Discord's global limit is 50; raise only if Discord raised yours.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>Name of the moderators' slash command (<c>/faqadmin status|reload|gaps|feedback</c>).</summary>
    public string AdminCommandName { get; set; } = "faqadmin";

    /// <summary>Members with any of these roles are moderators (as is anyone with Manage Guild or Administrator).</summary>
    public List<string> ModeratorRoleIds { get; set; } = [];

    /// <summary>Channel told of rejected knowledge edits and of new versions going live; none when empty.</summary>
    public string? ModeratorChannelId { get; set; }

    /// <summary>The URL in the User-Agent Discord requires.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/chatbot/sleep-faq";
}
