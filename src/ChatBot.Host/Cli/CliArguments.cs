namespace ChatBot.Host.Cli;

/// <summary>
/// What a verb needs from the command line: the options shared by verbs (paths already made absolute
/// against the working directory, as a person typing them expects) and the configuration overrides.
/// </summary>
public sealed record CliArguments(string? Knowledge, bool Json, bool Verbose, string[] HostArgs, string? ContentRoot = null)
{
    public Dictionary<string, string?> Overrides =>
        Knowledge is null ? [] : new Dictionary<string, string?> { ["Knowledge:Path"] = Knowledge };
}
