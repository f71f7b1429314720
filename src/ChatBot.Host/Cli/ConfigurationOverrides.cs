namespace ChatBot.Host.Cli;

/// <summary>
/// Separates configuration overrides (<c>--Section:Key=value</c>, the colon marks them) from the verbs and
/// options the parser knows. Anything after a bare <c>--</c> is left alone: it is the question.
/// </summary>
public static class ConfigurationOverrides
{
    public static (string[] Settings, string[] Words) Split(IReadOnlyList<string> args)
    {
        var settings = new List<string>();
        var rest = new List<string>();
        var literal = false;
        foreach (var arg in args)
        {
            literal |= arg == "--";
            if (!literal && IsSetting(arg))
            {
                settings.Add(arg);
            }
            else
            {
                rest.Add(arg);
            }
        }

        return (settings.ToArray(), rest.ToArray());
    }

    private static bool IsSetting(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? "" : arg[2..equals];
        return name.Contains(':', StringComparison.Ordinal) && !name.Any(char.IsWhiteSpace);
    }
}
