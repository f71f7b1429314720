using System.Globalization;
using System.Text;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Answering;

/// <summary>
/// One version of the knowledge that went live: when, and what changed from the version before it —
/// entries added, removed or edited, and the other files (safety, tests, gaps, small talk, bot text, sources).
/// </summary>
public sealed record LiveVersion(
    string Version,
    DateTimeOffset LiveSince,
    int EntryCount,
    IReadOnlyList<string> EntriesAdded,
    IReadOnlyList<string> EntriesRemoved,
    IReadOnlyList<string> EntriesChanged,
    IReadOnlyList<string> OtherFilesChanged)
{
    private const string FaqFolder = "faq/";

    /// <summary>The version <paramref name="current"/> as it went live after <paramref name="previous"/> (null: the first one).</summary>
    public static LiveVersion Of(KnowledgeBase current, KnowledgeBase? previous, DateTimeOffset liveSince)
    {
        var before = previous?.FileHashes ?? new Dictionary<string, string>();
        var after = current.FileHashes;
        var added = after.Keys.Where(k => !before.ContainsKey(k)).ToArray();
        var removed = before.Keys.Where(k => !after.ContainsKey(k)).ToArray();
        var changed = after.Keys.Where(k => before.TryGetValue(k, out var hash) && hash != after[k]).ToArray();
        return previous is null
            ? new LiveVersion(current.Version, liveSince, current.Entries.Count, [], [], [], [])
            : new LiveVersion(current.Version, liveSince, current.Entries.Count, EntryIds(added), EntryIds(removed), EntryIds(changed),
                [.. added.Concat(removed).Concat(changed).Where(f => !IsEntry(f)).Order(StringComparer.Ordinal)]);
    }

    /// <summary>One line: <c>2026-12-02 10:15:00Z 3f2a…: 12 entries; edited how-much-to-take; added x; also safety.yaml</c>.</summary>
    public string Describe()
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{LiveSince:u} {Version}: {EntryCount} entries"));
        var parts = new List<string>();
        AddPart(parts, "edited", EntriesChanged);
        AddPart(parts, "added", EntriesAdded);
        AddPart(parts, "removed", EntriesRemoved);
        AddPart(parts, parts.Count == 0 ? "changed" : "also", OtherFilesChanged);
        text.Append(parts.Count == 0 ? "" : "; " + string.Join("; ", parts));
        return text.ToString();
    }

    private static void AddPart(List<string> parts, string label, IReadOnlyList<string> names)
    {
        if (names.Count > 0)
        {
            parts.Add($"{label} {string.Join(", ", names)}");
        }
    }

    private static bool IsEntry(string file) => file.StartsWith(FaqFolder, StringComparison.Ordinal);

    private static string[] EntryIds(IEnumerable<string> files) =>
        [.. files.Where(IsEntry).Select(f => Path.GetFileNameWithoutExtension(f[FaqFolder.Length..])).Order(StringComparer.Ordinal)];
}
