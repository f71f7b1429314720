namespace ChatBot.Discord.Inbound;

/// <summary>The message a reply points at.</summary>
internal sealed record IncomingReferencedMessage(string Id, IncomingUser? Author);
