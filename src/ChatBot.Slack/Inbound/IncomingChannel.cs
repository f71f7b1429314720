namespace ChatBot.Slack.Inbound;

/// <summary>The conversation of a click; <see cref="Name"/> is <c>directmessage</c> in a DM.</summary>
public sealed record IncomingChannel(string? Id, string? Name);
