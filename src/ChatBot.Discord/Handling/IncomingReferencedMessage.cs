namespace ChatBot.Discord.Handling;

/// <summary>The message a reply points at.</summary>
internal sealed record IncomingReferencedMessage(string Id, IncomingUser? Author);
