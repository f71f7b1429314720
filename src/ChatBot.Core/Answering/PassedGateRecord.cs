using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Answering;

/// <summary>
/// The knowledge versions that passed the start gate on this machine, kept in the cache folder. A start of a version
/// that passed before, with the same engine build and the same retrieval settings, skips the gate: its checks are
/// deterministic, so they cannot give another result, and they cost seconds of every start. Only passes are kept; a
/// file that cannot be read or written just means the gate runs. Edits served by a reload are always gated. A gate
/// during which a pattern was too slow to decide (counted as a match, see <c>PatternMatch</c>) is not remembered.
/// </summary>
public sealed class PassedGateRecord(string folder)
{
    private const string FileName = "gates-passed.txt";

    /// <summary>How many passed versions are remembered; the oldest is forgotten first.</summary>
    private const int Kept = 32;

    /// <summary>This engine's build, the libraries it was built against and the runtime: what reads and runs the files.</summary>
    private static readonly string EngineBuild = string.Join('\n',
        [
            typeof(PassedGateRecord).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
            RuntimeInformation.FrameworkDescription,
            .. typeof(PassedGateRecord).Assembly.GetReferencedAssemblies().Select(a => a.FullName).Order(StringComparer.Ordinal),
        ]);

    private string RecordFile => Path.Combine(folder, FileName);

    /// <summary>
    /// What decides the gate's result: every knowledge file, the build of this engine, the retrieval settings and the
    /// model that embeds.
    /// </summary>
    public static string KeyOf(KnowledgeSnapshot snapshot, RetrievalOptions options, string? modelId)
    {
        var files = string.Join('\n', snapshot.Knowledge.FileHashes.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));
        var text = string.Join('\0', snapshot.Version, files, EngineBuild, JsonSerializer.Serialize(options), modelId ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public bool Has(string key) => Read().Contains(key, StringComparer.Ordinal);

    public void Add(string key)
    {
        var keys = Read().Where(k => k != key).Append(key).TakeLast(Kept).ToArray();
        CacheFolderLines.Replace(RecordFile, keys);
    }

    private string[] Read() => CacheFolderLines.Read(RecordFile);
}
