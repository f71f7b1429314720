namespace ChatBot.Discord.Inbound;

/// <summary>
/// Guild member wrapper of the invoking user. In interactions <see cref="Permissions"/> is the member's
/// resolved permission bit set in the channel (a decimal string).
/// </summary>
internal sealed record IncomingMember(IncomingUser? User, IReadOnlyList<string>? Roles = null, string? Permissions = null);
