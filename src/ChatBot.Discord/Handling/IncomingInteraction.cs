using System.Text.Json;

namespace ChatBot.Discord.Handling;

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

/// <summary>Guild member wrapper of the invoking user.</summary>
internal sealed record IncomingMember(IncomingUser? User);

/// <summary>Command data (types 2 and 4) or component data (type 3).</summary>
internal sealed record IncomingInteractionData(string? Name, IReadOnlyList<IncomingOption>? Options, string? CustomId);

/// <summary>A command option; sub-commands nest <see cref="Options"/>.</summary>
internal sealed record IncomingOption(string Name, int Type, JsonElement? Value, IReadOnlyList<IncomingOption>? Options, bool? Focused)
{
    public string Text => Value is { ValueKind: JsonValueKind.String } v ? v.GetString() ?? "" : Value?.ToString() ?? "";
}
