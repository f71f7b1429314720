namespace ChatBot.Core.Retrieval;

/// <summary>
/// The embeddings made of one message's texts (the message, its clauses, its sentences), shared by safety
/// triage and retrieval so each text reaches the model once, and all of them in one batched call.
/// Empty in lexical mode.
/// </summary>
public sealed class QuestionVectors(Func<IReadOnlyList<string>, float[][]>? embed)
{
    public static readonly QuestionVectors Lexical = new(null);

    private readonly Func<IReadOnlyList<string>, float[][]>? _embed = embed;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public bool IsSemantic => _embed is not null;

    /// <summary>Embeds, in one call, those of the texts not embedded yet.</summary>
    public void Ensure(IEnumerable<string> texts)
    {
        if (_embed is null)
        {
            return;
        }

        var missing = texts.Where(t => t.Length > 0 && !_vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var vectors = _embed(missing);
        for (var i = 0; i < missing.Length; i++)
        {
            _vectors[missing[i]] = vectors[i];
        }
    }

    public float[]? Get(string text)
    {
        if (_embed is null || text.Length == 0)
        {
            return null;
        }

        Ensure([text]);
        return _vectors[text];
    }
}
