using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Embeddings of FAQ texts keyed by a hash of the model id and the text, kept in memory and on disk so
/// restarts and reloads only embed what changed. A missing or corrupt cache file is simply rebuilt.
/// </summary>
public sealed class EmbeddingCache
{
    private const int BatchSize = 16;

    private readonly ITextEmbedder _embedder;
    private readonly string? _file;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public EmbeddingCache(ITextEmbedder embedder, string cacheFolder)
    {
        _embedder = embedder;
        Questions = new QuestionBatcher(embedder);
        if (cacheFolder.Length > 0)
        {
            _file = Path.Combine(cacheFolder, Sanitize(embedder.ModelId) + ".bin");
            Read(_file);
        }
    }

    public ITextEmbedder Embedder => _embedder;

    /// <summary>The way live questions reach the model: batched when they arrive together, recent ones remembered.</summary>
    public QuestionBatcher Questions { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _vectors.Count;
            }
        }
    }

    /// <summary>Vectors for the texts, in order; only texts not seen before reach the model.</summary>
    public float[][] GetOrEmbed(IReadOnlyList<string> texts)
    {
        var keys = texts.Select(Key).ToArray();
        List<int> missing;
        lock (_gate)
        {
            missing = Enumerable.Range(0, texts.Count).Where(i => !_vectors.ContainsKey(keys[i])).ToList();
        }

        if (missing.Count > 0)
        {
            // Short batches of similar length: a batch is padded to its longest text, and attention cost grows with it.
            var distinct = missing.DistinctBy(i => keys[i]).OrderBy(i => texts[i].Length).ToArray();
            // One model call runs on one core (EmbedderSession), so batches go one per core at once: a first start
            // embeds thousands of safety phrasings, and on 2 cores this halves the wait.
            var vectors = distinct.Chunk(BatchSize)
                .AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
                .SelectMany(batch => _embedder.Embed(batch.Select(i => texts[i]).ToArray()))
                .ToArray();
            lock (_gate)
            {
                for (var j = 0; j < distinct.Length; j++)
                {
                    _vectors[keys[distinct[j]]] = vectors[j];
                }

                Write();
            }
        }

        lock (_gate)
        {
            return keys.Select(k => _vectors[k]).ToArray();
        }
    }

    /// <summary>
    /// Forgets every vector but these texts', so months of FAQ edits do not grow the cache. Called with
    /// the texts of the version being built; versions already serving hold their own vectors.
    /// </summary>
    public void RetainOnly(IReadOnlyList<string> texts)
    {
        var keep = texts.Select(Key).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            var stale = _vectors.Keys.Where(k => !keep.Contains(k)).ToArray();
            foreach (var key in stale)
            {
                _vectors.Remove(key);
            }

            if (stale.Length > 0)
            {
                Write();
            }
        }
    }

    private string Key(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_embedder.ModelId + "\0" + text)));

    private void Read(string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return;
            }

            using var reader = new BinaryReader(File.OpenRead(file));
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var length = reader.ReadInt32();
                var vector = new float[length];
                for (var d = 0; d < length; d++)
                {
                    vector[d] = reader.ReadSingle();
                }

                _vectors[key] = vector;
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException)
        {
            // A cache is only a cache: start empty and rebuild it.
            _vectors.Clear();
        }
    }

    private void Write()
    {
        if (_file is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            var temp = _file + "." + Environment.ProcessId + ".tmp";
            using (var writer = new BinaryWriter(File.Create(temp)))
            {
                writer.Write(_vectors.Count);
                foreach (var (key, vector) in _vectors)
                {
                    writer.Write(key);
                    writer.Write(vector.Length);
                    foreach (var value in vector)
                    {
                        writer.Write(value);
                    }
                }
            }

            File.Move(temp, _file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only disk only costs start-up time; answering does not depend on the file.
        }
    }

    private static string Sanitize(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
