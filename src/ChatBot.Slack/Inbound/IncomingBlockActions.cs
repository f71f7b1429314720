namespace ChatBot.Slack.Inbound;

/// <summary>The fields of an interaction payload we read; only <c>block_actions</c> (button clicks) are handled.</summary>
public sealed record IncomingBlockActions(
    string? Type,
    IncomingUser? User,
    IncomingContainer? Container,
    IncomingChannel? Channel,
    IncomingMessage? Message,
    string? ResponseUrl,
    IReadOnlyList<IncomingAction>? Actions);
