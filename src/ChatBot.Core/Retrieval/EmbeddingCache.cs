using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Embeddings of FAQ texts keyed by a hash of the model id and the text, kept on disk so restarts and reloads only
/// embed what changed (<see cref="EmbeddingCacheFile"/>). Memory holds where each vector lies in the file, not the
/// vectors: a knowledge version reads them into its own matrices (<see cref="Matrix"/>) and the cache keeps no second
/// copy. Vectors stay in memory only when there is no file or the disk refuses them. A missing or corrupt cache
/// file is simply rebuilt.
/// </summary>
public sealed class EmbeddingCache
{
    private const int BatchSize = 16;

    private readonly ITextEmbedder _embedder;
    private readonly EmbeddingCacheFile? _file;

    /// <summary>Vectors not in the file: no folder given, or the disk refused them. Never a key the file has.</summary>
    private readonly Dictionary<string, float[]> _inMemory = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public EmbeddingCache(ITextEmbedder embedder, string cacheFolder)
    {
        _embedder = embedder;
        Questions = new QuestionBatcher(embedder);
        if (cacheFolder.Length > 0)
        {
            _file = new EmbeddingCacheFile(Path.Combine(cacheFolder, Sanitize(embedder.ModelId) + ".bin"));
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
                return _inMemory.Count + (_file?.Count ?? 0);
            }
        }
    }

    /// <summary>Vectors held in memory rather than in the file.</summary>
    public int VectorsInMemory
    {
        get
        {
            lock (_gate)
            {
                return _inMemory.Count;
            }
        }
    }

    /// <summary>Vectors for the texts, in order; only texts not seen before reach the model.</summary>
    public float[][] GetOrEmbed(IReadOnlyList<string> texts) => Reading(texts, keys => keys.Select(key =>
    {
        var vector = new float[LengthOf(key)];
        ReadInto(key, vector);
        return vector;
    }).ToArray());

    /// <summary>The texts' vectors laid out for comparison, read straight into the matrix; only unseen texts reach the model.</summary>
    public VectorMatrix Matrix(IReadOnlyList<string> texts) => Reading(texts, keys =>
    {
        var matrix = new VectorMatrix(keys.Length, keys.Length == 0 ? 0 : LengthOf(keys[0]));
        var row = new float[matrix.Dimension];
        for (var i = 0; i < keys.Length; i++)
        {
            var values = LengthOf(keys[i]) == row.Length ? row : new float[LengthOf(keys[i])];
            ReadInto(keys[i], values);
            matrix.SetRow(i, values);
        }

        return matrix;
    });

    /// <summary>Embeds the texts not seen before, so a later build or check finds them.</summary>
    public void Ensure(IReadOnlyList<string> texts) => EnsureKeys(texts);

    /// <summary>Embeds the texts not seen before; returns the texts' keys.</summary>
    private string[] EnsureKeys(IReadOnlyList<string> texts)
    {
        var keys = texts.Select(Key).ToArray();
        List<int> missing;
        lock (_gate)
        {
            missing = Enumerable.Range(0, texts.Count).Where(i => !Has(keys[i])).ToList();
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
                    if (!Has(keys[distinct[j]]))
                    {
                        _inMemory[keys[distinct[j]]] = vectors[j];
                    }
                }

                Save(_ => true);
            }
        }

        return keys;
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
            var staleInMemory = _inMemory.Keys.Where(k => !keep.Contains(k)).ToArray();
            foreach (var key in staleInMemory)
            {
                _inMemory.Remove(key);
            }

            if (staleInMemory.Length > 0 || (_file is not null && _file.Count > keep.Count(_file.Contains)))
            {
                Save(keep.Contains);
            }
        }
    }

    /// <summary>Reads the texts' vectors once they are all embedded; a file that fails under the read is dropped and rebuilt.</summary>
    private T Reading<T>(IReadOnlyList<string> texts, Func<string[], T> read)
    {
        T ReadAll()
        {
            var keys = EnsureKeys(texts);
            lock (_gate)
            {
                return read(keys);
            }
        }

        try
        {
            return ReadAll();
        }
        catch (IOException)
        {
            lock (_gate)
            {
                _file?.Forget();
            }

            return ReadAll();
        }
    }

    /// <summary>Copies the key's vector, from memory or the file, into a destination as long as it.</summary>
    private void ReadInto(string key, Span<float> destination)
    {
        if (_inMemory.TryGetValue(key, out var vector))
        {
            vector.CopyTo(destination);
        }
        else
        {
            _file!.Read(key, destination);
        }
    }

    private bool Has(string key) => _inMemory.ContainsKey(key) || _file?.Contains(key) == true;

    private int LengthOf(string key) => _inMemory.TryGetValue(key, out var vector) ? vector.Length : _file!.LengthOf(key);

    /// <summary>Writes the file anew with the kept vectors on disk and those in memory; once on disk, they leave memory.</summary>
    private void Save(Func<string, bool> keep)
    {
        if (_file?.Write(keep, _inMemory) == true)
        {
            _inMemory.Clear();
        }
    }

    private string Key(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_embedder.ModelId + "\0" + text)));

    private static string Sanitize(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
