namespace ChatBot.Discord.Inbound;

/// <summary>The fields of an INTERACTION_CREATE we read.</summary>
internal sealed record IncomingInteraction(
    string Id,
    string ApplicationId,
    int Type,
    string Token,
    IncomingInteractionData? Data,
    string? GuildId,
    string? ChannelId,
    IncomingMember? Member,
    IncomingUser? User)
{
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;

    /// <summary>The invoking user: <c>member.user</c> in guilds, <c>user</c> in DMs.</summary>
    public string? UserId => Member?.User?.Id ?? User?.Id;
}
