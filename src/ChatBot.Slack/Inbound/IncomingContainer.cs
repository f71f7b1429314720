namespace ChatBot.Slack.Inbound;

/// <summary>The message a clicked button is on.</summary>
public sealed record IncomingContainer(string? ChannelId, string? MessageTs, bool? IsEphemeral);
