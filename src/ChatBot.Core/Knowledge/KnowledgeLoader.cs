using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Loads and validates a whole knowledge folder. The result is all-or-nothing: a knowledge base only
/// when every file is valid, otherwise every error found, each with file, line and field.
/// This is the one validator: <c>chatbot faq validate</c>, start-up and reloads all call it.
/// </summary>
public static class KnowledgeLoader
{
    public const string SafetyFile = "safety.yaml";
    public const string BotFile = "bot.yaml";
    public const string NotCoveredFile = "not-covered.yaml";
    public const string SmallTalkFile = "smalltalk.yaml";
    public const string TestsFile = "tests.yaml";
    public const string GlossaryFile = "glossary.yaml";

    public static KnowledgeLoadResult Load(string folder)
    {
        var errors = new List<KnowledgeError>();
        if (!Directory.Exists(folder))
        {
            errors.Add(new KnowledgeError(Display(folder), 0, "", "knowledge folder not found"));
            return new KnowledgeLoadResult(null, errors);
        }

        var files = ReadFiles(folder);
        var sources = LoadSources(folder, files, errors);
        var entries = LoadEntries(folder, files, sources, errors);
        CheckRelated(entries, errors);
        var safety = LoadSingle(folder, SafetyFile, files, errors, SafetyReader.Read) ?? [];
        var bot = LoadSingle(folder, BotFile, files, errors, BotSettingsReader.Read);
        var notCovered = files.ContainsKey(NotCoveredFile)
            ? LoadSingle(folder, NotCoveredFile, files, errors, NotCoveredReader.Read) ?? []
            : [];
        var smallTalk = files.ContainsKey(SmallTalkFile)
            ? LoadSingle(folder, SmallTalkFile, files, errors, SmallTalkReader.Read) ?? []
            : [];
        var tests = files.ContainsKey(TestsFile)
            ? LoadSingle(folder, TestsFile, files, errors, ModeratorTestReader.Read) ?? []
            : [];
        var glossary = files.ContainsKey(GlossaryFile)
            ? LoadSingle(folder, GlossaryFile, files, errors, GlossaryReader.Read) ?? Glossary.Empty
            : Glossary.Empty;
        ModeratorTestReader.Check(tests, entries, safety, errors);
        if (errors.Count > 0 || bot is null)
        {
            return new KnowledgeLoadResult(null, errors);
        }

        var knowledge = new KnowledgeBase(VersionOf(files), sources.Values.ToArray(), entries, safety, bot, notCovered) { SmallTalk = smallTalk, Tests = tests, Glossary = glossary, FileHashes = HashesOf(files) };
        return new KnowledgeLoadResult(knowledge, errors);
    }

    /// <summary>Every file the knowledge is built from, by path relative to the folder, in a stable order.</summary>
    public static SortedDictionary<string, string> ReadFiles(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in KnowledgeFiles(folder))
        {
            files[Path.GetRelativePath(folder, path).Replace('\\', '/')] = File.ReadAllText(path);
        }

        return files;
    }

    public static IEnumerable<string> KnowledgeFiles(string folder)
    {
        var sources = Path.Combine(folder, "sources");
        var faq = Path.Combine(folder, "faq");
        var found = new List<string>();
        if (Directory.Exists(sources))
        {
            found.AddRange(Directory.EnumerateFiles(sources, "*.txt"));
        }

        if (Directory.Exists(faq))
        {
            found.AddRange(Directory.EnumerateFiles(faq, "*.yaml"));
            found.AddRange(Directory.EnumerateFiles(faq, "*.yml"));
        }

        found.AddRange(new[] { SafetyFile, BotFile, NotCoveredFile, SmallTalkFile, TestsFile, GlossaryFile }.Select(f => Path.Combine(folder, f)).Where(File.Exists));
        return found;
    }

    public static string VersionOf(IReadOnlyDictionary<string, string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\0" + text + "\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    /// <summary>Each file's own short hash, so two versions can say which files (and so which entries) changed.</summary>
    public static IReadOnlyDictionary<string, string> HashesOf(IReadOnlyDictionary<string, string> files) =>
        files.ToDictionary(f => f.Key, f => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(f.Value)))[..12], StringComparer.Ordinal);

    private static Dictionary<string, SourceDocument> LoadSources(string folder, SortedDictionary<string, string> files, List<KnowledgeError> errors)
    {
        var sources = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var (path, text) in files.Where(f => f.Key.StartsWith("sources/", StringComparison.Ordinal)))
        {
            var source = SourceReader.Read(text, Display(folder, path), errors);
            if (source is not null && !sources.TryAdd(source.Id, source))
            {
                errors.Add(new KnowledgeError(source.File, 2, "id", $"duplicate source id '{source.Id}'"));
            }
        }

        if (sources.Count == 0)
        {
            errors.Add(new KnowledgeError(Display(folder, "sources"), 0, "", "no source article (sources/*.txt) found"));
        }

        return sources;
    }

    private static List<FaqEntry> LoadEntries(
        string folder,
        SortedDictionary<string, string> files,
        Dictionary<string, SourceDocument> sources,
        List<KnowledgeError> errors)
    {
        var entries = new List<FaqEntry>();
        foreach (var (path, text) in files.Where(f => f.Key.StartsWith("faq/", StringComparison.Ordinal)))
        {
            var entry = FaqEntryReader.Read(text, Display(folder, path), sources, errors);
            if (entry is null)
            {
                continue;
            }

            var first = entries.FirstOrDefault(e => e.Id == entry.Id);
            if (first is not null)
            {
                errors.Add(new KnowledgeError(entry.File, 1, "id", $"duplicate id '{entry.Id}' (also in {first.File})"));
                continue;
            }

            entries.Add(entry);
        }

        if (entries.Count == 0 && files.Keys.All(k => !k.StartsWith("faq/", StringComparison.Ordinal)))
        {
            errors.Add(new KnowledgeError(Display(folder, "faq"), 0, "", "no FAQ entries (faq/*.yaml) found"));
        }

        return entries;
    }

    private static void CheckRelated(List<FaqEntry> entries, List<KnowledgeError> errors)
    {
        var ids = entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var related in entry.Related)
            {
                if (related == entry.Id)
                {
                    errors.Add(new KnowledgeError(entry.File, LineOf(entry, related), "related", $"'{related}' refers to the entry itself"));
                }
                else if (!ids.Contains(related))
                {
                    errors.Add(new KnowledgeError(entry.File, LineOf(entry, related), "related", $"unknown entry id '{related}'"));
                }
            }
        }
    }

    /// <summary>The line of a related id: found by text, since the entry keeps values, not nodes.</summary>
    private static int LineOf(FaqEntry entry, string related)
    {
        var lines = File.Exists(entry.File) ? File.ReadAllLines(entry.File) : [];
        var inRelated = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("related:", StringComparison.Ordinal))
            {
                inRelated = true;
            }

            if (inRelated && lines[i].Contains(related, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 1;
    }

    private static T? LoadSingle<T>(
        string folder,
        string name,
        SortedDictionary<string, string> files,
        List<KnowledgeError> errors,
        Func<string, string, List<KnowledgeError>, T?> read)
        where T : class
    {
        if (!files.TryGetValue(name, out var text))
        {
            errors.Add(new KnowledgeError(Display(folder, name), 0, "", "file is missing"));
            return null;
        }

        return read(text, Display(folder, name), errors);
    }

    /// <summary>A path as a moderator recognises it: relative to the working directory when inside it.</summary>
    private static string Display(string folder, string relative = "")
    {
        var full = Path.GetFullPath(Path.Combine(folder, relative));
        var fromHere = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return (fromHere.StartsWith("..", StringComparison.Ordinal) ? full : fromHere).Replace('\\', '/');
    }
}
