namespace ChatBot.Slack.Inbound;

/// <summary>The fields of an Events API <c>event_callback</c> we read.</summary>
public sealed record IncomingEventCallback(string? Type, string? EventId, IncomingEvent? Event);
