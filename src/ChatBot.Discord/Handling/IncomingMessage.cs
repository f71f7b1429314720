namespace ChatBot.Discord.Handling;

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
    IncomingReferencedMessage? ReferencedMessage);

/// <summary>A user object (author, mention, interaction user).</summary>
internal sealed record IncomingUser(string Id, bool? Bot, bool? System);

/// <summary>The message a reply points at.</summary>
internal sealed record IncomingReferencedMessage(string Id, IncomingUser? Author);
