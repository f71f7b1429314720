namespace ChatBot.Discord.Interactions;

/// <summary><c>ApplicationCommandUpdateRequest</c> (an item of the bulk-overwrite array).</summary>
internal sealed record CommandPayload(string Name, string Description, IReadOnlyList<CommandOptionPayload>? Options = null)
{
    public int Type => 1;

    /// <summary>Usable in guilds and in DMs with the bot.</summary>
    public IReadOnlyList<int> Contexts => [0, 1];

    public IReadOnlyList<int> IntegrationTypes => [0];
}

/// <summary><c>ApplicationCommandStringOption</c> / <c>ApplicationCommandSubcommandOption</c>.</summary>
internal sealed record CommandOptionPayload(
    int Type,
    string Name,
    string Description,
    bool? Required = null,
    bool? Autocomplete = null,
    int? MaxLength = null,
    IReadOnlyList<CommandOptionPayload>? Options = null)
{
    public const int SubCommand = 1;
    public const int String = 3;
}
