namespace ChatBot.Discord.Handling;

/// <summary>Guild member wrapper of the invoking user.</summary>
internal sealed record IncomingMember(IncomingUser? User);
