namespace ChatBot.Slack.Inbound;

/// <summary>
/// The fields of a slash command we read (a form in HTTP mode, a JSON payload in Socket Mode).
/// <see cref="ChannelName"/> is <c>directmessage</c> in a DM.
/// </summary>
public sealed record IncomingSlashCommand(string? Command, string? Text, string? UserId, string? ChannelId, string? ChannelName, string? ResponseUrl);
