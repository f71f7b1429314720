namespace ChatBot.Slack.Inbound;

/// <summary>The message a clicked button is on, for its thread.</summary>
public sealed record IncomingMessage(string? ThreadTs);
