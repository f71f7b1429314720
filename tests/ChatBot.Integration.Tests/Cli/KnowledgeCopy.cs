namespace ChatBot.Integration.Tests.Cli;

/// <summary>Copies the shipped knowledge folder, for tests that break or move it.</summary>
public static class KnowledgeCopy
{
    public static void To(string target)
    {
        foreach (var file in Directory.EnumerateFiles(Repository.Knowledge, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Repository.Knowledge, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    /// <summary>
    /// A copy with a tenth of the members' phrasings, for tests of the commands rather than of the shipped phrasings
    /// (the core tests check those in full): each command checks every look-alike against every pattern.
    /// </summary>
    public static string WithFewerPhrasings(string target)
    {
        To(target);
        Folders.KeepFewerPhrasings(target, every: 10);
        return target;
    }

    /// <summary>A copy in which one entry misspells a required field, so validation names that file.</summary>
    public static string Broken(string target)
    {
        To(target);
        return Break(target);
    }

    /// <summary>Breaks a copy in place, as <see cref="Broken"/> does; returns the broken file.</summary>
    public static string Break(string target)
    {
        var file = Path.Combine(target, "faq", "side-effects.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("caveats:", "caveatz:", StringComparison.Ordinal));
        return file;
    }
}
