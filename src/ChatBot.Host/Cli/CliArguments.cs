namespace ChatBot.Host.Cli;

/// <summary>Options shared by all verbs: <c>--knowledge DIR</c> and <c>--json</c>; the rest are the verb's words.</summary>
public sealed record CliArguments(string? Knowledge, bool Json, bool Verbose, string[] HostArgs, string? ContentRoot = null)
{
    public Dictionary<string, string?> Overrides =>
        Knowledge is null ? [] : new Dictionary<string, string?> { ["Knowledge:Path"] = Knowledge };

    public static (CliArguments Options, string[] Words) Parse(string[] args)
    {
        string? knowledge = null;
        var json = false;
        var verbose = false;
        var rest = new List<string>();
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--knowledge" when i + 1 < args.Length:
                    knowledge = args[++i];
                    break;
                case "--json":
                    json = true;
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('=', StringComparison.Ordinal):
                    hostArgs.Add(setting);
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return (new CliArguments(knowledge, json, verbose, hostArgs.ToArray()), rest.ToArray());
    }
}
