namespace ChatBot.Discord.Inbound;

/// <summary>The fields of a MESSAGE_CREATE we read. Ids are snowflake strings.</summary>
internal sealed record IncomingMessage(
    string Id,
    string ChannelId,
    string? GuildId,
    IncomingUser Author,
    string? Content,
    IReadOnlyList<IncomingUser>? Mentions,
    IReadOnlyList<string>? MentionRoles,
    string? WebhookId,
    int Type,
    IncomingReferencedMessage? ReferencedMessage,
    IncomingMember? Member = null);
