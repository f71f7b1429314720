namespace ChatBot.Host.Startup;

/// <summary>
/// Finds the content root: the folder that holds <c>appsettings.json</c>, against which <c>knowledge/</c>,
/// <c>.data/</c> and <c>.cache/</c> are resolved. In order: the folder given with <c>--content-root</c>; the
/// executable's folder when <c>appsettings.json</c> is there (a published bot); the nearest folder above the
/// executable holding it (the repository root in a source checkout); else the working directory.
/// The working directory never changes the answer otherwise, so the bot behaves the same wherever it is started.
/// </summary>
public static class ContentRootLocator
{
    public const string SettingsFile = "appsettings.json";

    public static string Find(string? requested) => Find(requested, AppContext.BaseDirectory, Directory.GetCurrentDirectory());

    public static string Find(string? requested, string executableFolder, string workingDirectory)
    {
        if (requested is not null)
        {
            return Path.GetFullPath(requested, workingDirectory);
        }

        for (var folder = new DirectoryInfo(executableFolder); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SettingsFile)))
            {
                return folder.FullName;
            }
        }

        return workingDirectory;
    }
}
