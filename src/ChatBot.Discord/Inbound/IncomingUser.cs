namespace ChatBot.Discord.Inbound;

/// <summary>A user object (author, mention, interaction user).</summary>
internal sealed record IncomingUser(string Id, bool? Bot, bool? System);
