namespace ChatBot.Testing;

/// <summary>Paths of the repository under test, found from the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>Debug or Release: the configuration these tests were built in, so the CLI under test matches.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string ChatBotDll => Path.Combine(Root, "src", "ChatBot.Host", "bin", Configuration, "net10.0", "chatbot.dll");

    public static string TempFolder(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ChatBot.sln not found");
    }
}
