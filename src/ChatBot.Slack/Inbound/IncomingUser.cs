namespace ChatBot.Slack.Inbound;

/// <summary>The user who clicked.</summary>
public sealed record IncomingUser(string? Id);
