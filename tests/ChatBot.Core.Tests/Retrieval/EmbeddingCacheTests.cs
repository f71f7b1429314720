using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class EmbeddingCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatbot-cache-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Only_unseen_texts_reach_the_model_and_the_cache_survives_a_restart()
    {
        var embedder = new CountingEmbedder();
        new EmbeddingCache(embedder, _folder).GetOrEmbed(["a", "b"]);

        var restarted = new EmbeddingCache(embedder, _folder);
        var vectors = restarted.GetOrEmbed(["a", "b", "c"]);

        Assert.Equal(3, embedder.Embedded);
        Assert.Equal(3, vectors.Length);
        Assert.Equal(embedder.Vector("b"), vectors[1]);
    }

    [Fact]
    public void Retaining_the_current_texts_forgets_the_rest_on_disk_too()
    {
        var embedder = new CountingEmbedder();
        var cache = new EmbeddingCache(embedder, _folder);
        cache.GetOrEmbed(["old answer", "kept"]);

        cache.RetainOnly(["kept"]);

        Assert.Equal(1, cache.Count);
        Assert.Equal(1, new EmbeddingCache(embedder, _folder).Count);
    }

    [Fact]
    public void A_corrupt_cache_file_is_rebuilt()
    {
        Directory.CreateDirectory(_folder);
        var embedder = new CountingEmbedder();
        File.WriteAllText(Path.Combine(_folder, "counting.bin"), "garbage");

        var vectors = new EmbeddingCache(embedder, _folder).GetOrEmbed(["a"]);

        Assert.Equal(embedder.Vector("a"), vectors[0]);
    }

    [Fact]
    public void A_long_list_embedded_in_parallel_batches_keeps_each_text_with_its_own_vector()
    {
        var embedder = new CountingEmbedder();
        // Lengths 1 to 300 in shuffled order: the cache sorts by length before batching, and each length is a distinct vector.
        var texts = Enumerable.Range(0, 300).Select(i => new string((char)('a' + (i % 26)), 1 + (i * 119 % 300))).ToArray();

        var vectors = new EmbeddingCache(embedder, _folder).GetOrEmbed(texts);

        Assert.Equal(texts.Length, embedder.Embedded);
        Assert.All(Enumerable.Range(0, texts.Length), i => Assert.Equal(embedder.Vector(texts[i]), vectors[i]));
    }

    [Fact]
    public void Vectors_on_disk_leave_memory_and_a_matrix_reads_them_back_bit_for_bit()
    {
        var embedder = new CountingEmbedder();
        var texts = new[] { "a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh", "iiiiiiiii" };
        var cache = new EmbeddingCache(embedder, _folder);
        var vectors = cache.GetOrEmbed(texts);

        var matrix = new EmbeddingCache(embedder, _folder).Matrix(texts);

        Assert.Equal(0, cache.VectorsInMemory);
        float[] query = [0.25f, -1.5f];
        Assert.Equal(new VectorMatrix(vectors).Similarities(query), matrix.Similarities(query));
        Assert.Equal(texts.Length, embedder.Embedded);
    }

    [Fact]
    public void Without_a_folder_the_vectors_stay_in_memory()
    {
        var embedder = new CountingEmbedder();
        var cache = new EmbeddingCache(embedder, "");

        var vectors = cache.GetOrEmbed(["a", "bb"]);
        cache.GetOrEmbed(["bb"]);

        Assert.Equal(2, cache.VectorsInMemory);
        Assert.Equal(2, embedder.Embedded);
        Assert.Equal(embedder.Vector("bb"), vectors[1]);
    }

    [Fact]
    public void A_cache_file_another_process_replaces_leaves_the_vectors_already_indexed_intact()
    {
        var embedder = new CountingEmbedder();
        var first = new EmbeddingCache(embedder, _folder);
        first.GetOrEmbed(["a", "bb"]);

        // A second bot sharing the folder writes a file of other texts under the same name.
        var second = new EmbeddingCache(embedder, _folder);
        second.GetOrEmbed(["zzz"]);
        second.RetainOnly(["zzz"]);

        var vectors = first.GetOrEmbed(["a", "bb"]);
        Assert.Equal(embedder.Vector("a"), vectors[0]);
        Assert.Equal(embedder.Vector("bb"), vectors[1]);
        Assert.Equal(3, embedder.Embedded);
    }

    [Fact]
    public void A_cache_file_that_ends_inside_a_vector_is_rebuilt()
    {
        Directory.CreateDirectory(_folder);
        using (var writer = new BinaryWriter(File.Create(Path.Combine(_folder, "counting.bin"))))
        {
            writer.Write(1);
            writer.Write(new string('A', 64));
            writer.Write(384);
            writer.Write(1f);
        }

        var embedder = new CountingEmbedder();
        var cache = new EmbeddingCache(embedder, _folder);

        Assert.Equal(0, cache.Count);
        Assert.Equal(embedder.Vector("a"), cache.GetOrEmbed(["a"])[0]);
    }

    private sealed class CountingEmbedder : ITextEmbedder
    {
        private int _embedded;

        /// <summary>Texts embedded; the cache embeds a long list in batches on several threads at once.</summary>
        public int Embedded => _embedded;

        public string ModelId => "counting";

        public float[] Vector(string text) => [text.Length, text[0]];

        public float[][] Embed(IReadOnlyList<string> texts)
        {
            Interlocked.Add(ref _embedded, texts.Count);
            return texts.Select(Vector).ToArray();
        }
    }
}
