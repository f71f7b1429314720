namespace ChatBot.Slack.Inbound;

/// <summary>
/// The fields of an <c>app_mention</c> or <c>message</c> event we read. <see cref="ChannelType"/> (<c>im</c>,
/// <c>channel</c>, <c>group</c>, <c>mpim</c>) is how Slack says what kind of conversation it is.
/// </summary>
public sealed record IncomingEvent(
    string? Type,
    string? Subtype,
    string? User,
    string? BotId,
    string? Channel,
    string? ChannelType,
    string? Ts,
    string? ThreadTs,
    string? Text);
