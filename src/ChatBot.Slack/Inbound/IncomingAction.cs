namespace ChatBot.Slack.Inbound;

/// <summary>One clicked button: which, and the value it carries.</summary>
public sealed record IncomingAction(string? ActionId, string? Value);
