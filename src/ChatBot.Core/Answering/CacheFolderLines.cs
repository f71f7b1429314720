namespace ChatBot.Core.Answering;

/// <summary>
/// A small line file kept in the cache folder (a record of work already done). A file that cannot be read or written
/// only means that work is done again, so neither call throws for I/O.
/// </summary>
internal static class CacheFolderLines
{
    /// <summary>The file's lines; none when it is missing or cannot be read.</summary>
    public static string[] Read(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllLines(file) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// Replaces the file with these lines. Another process may write at the same time: each writes a whole file and
    /// renames it into place, so a reader sees one complete list, and a half-written file is never left behind.
    /// </summary>
    /// <returns>Whether the file was written.</returns>
    public static bool Replace(string file, IEnumerable<string> lines)
    {
        var temporary = file + "." + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllLines(temporary, lines);
            File.Move(temporary, file, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }

            return false;
        }
    }
}
