namespace ChatBot.Testing;

/// <summary>Folder helpers shared by tests that edit a private copy of the knowledge.</summary>
public static class Folders
{
    /// <summary>Copies every folder and file under <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
