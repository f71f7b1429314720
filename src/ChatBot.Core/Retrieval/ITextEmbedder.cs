namespace ChatBot.Core.Retrieval;

/// <summary>Turns texts into normalised embedding vectors (cosine similarity = dot product).</summary>
public interface ITextEmbedder
{
    /// <summary>Identifies the model, so cached vectors of another model are never reused.</summary>
    string ModelId { get; }

    float[][] Embed(IReadOnlyList<string> texts);

    /// <summary>Loads the model now rather than on the first text, for a start that chooses when its memory peaks.</summary>
    void Warm()
    {
    }
}
