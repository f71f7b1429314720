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

    /// <summary>
    /// Keeps one in <paramref name="every"/> of the members' phrasings in a copy's <c>safety.yaml</c> (the double-quoted
    /// examples and look-alikes), for a test of how the phrase check works rather than of what the shipped phrasings say:
    /// the full check compares each phrasing with all the others, so its cost grows with their square. Lexical mode reads
    /// no phrasing but the look-alikes it checks at load; in semantic mode the moderators' tests may then fail.
    /// </summary>
    /// <param name="keep">Phrasings kept whatever their place: those a test's claim rests on.</param>
    public static void KeepFewerPhrasings(string folder, int every, params string[] keep)
    {
        var file = Path.Combine(folder, "safety.yaml");
        var seen = 0;
        var kept = File.ReadAllLines(file).Where(line =>
            !line.StartsWith("      - \"", StringComparison.Ordinal)
            || seen++ % every == 0
            || keep.Any(phrasing => line.Contains($"\"{phrasing}\"", StringComparison.Ordinal)));
        File.WriteAllLines(file, kept);
    }
}
