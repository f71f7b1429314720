namespace ChatBot.Discord.Interactions;

/// <summary><c>ApplicationCommandUpdateRequest</c> (an item of the bulk-overwrite array).</summary>
internal sealed record CommandPayload(string Name, string Description, IReadOnlyList<CommandOptionPayload>? Options = null)
{
    public int Type => 1;

    /// <summary>Where the command may be used: guilds (0) and DMs with the bot (1) unless narrowed.</summary>
    public IReadOnlyList<int> Contexts { get; init; } = [0, 1];

    public IReadOnlyList<int> IntegrationTypes => [0];

    /// <summary>
    /// Permission bits a member needs to see the command (Discord's default; server admins can change
    /// it, so it is never the only check). An integer, as the OpenAPI description declares; the docs'
    /// string form is accepted too.
    /// </summary>
    public long? DefaultMemberPermissions { get; init; }
}

/// <summary><c>ApplicationCommandStringOption</c> / <c>ApplicationCommandIntegerOption</c> / <c>ApplicationCommandSubcommandOption</c>.</summary>
internal sealed record CommandOptionPayload(
    int Type,
    string Name,
    string Description,
    bool? Required = null,
    bool? Autocomplete = null,
    int? MaxLength = null,
    IReadOnlyList<CommandOptionPayload>? Options = null,
    int? MinValue = null,
    int? MaxValue = null)
{
    public const int SubCommand = 1;
    public const int String = 3;
    public const int Integer = 4;
}
