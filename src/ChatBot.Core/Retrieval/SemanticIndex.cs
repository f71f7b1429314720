namespace ChatBot.Core.Retrieval;

/// <summary>Embeddings of each item's phrasings and body; scores a question by cosine similarity.</summary>
public sealed class SemanticIndex
{
    /// <summary>An answer resembles a question less than a phrasing does; its similarity counts for less.</summary>
    private const double BodyWeight = 0.85;

    private readonly (string Text, float[] Vector)[][] _phrases;
    private readonly float[]?[] _bodies;
    private readonly EmbeddingCache _cache;

    public SemanticIndex(IReadOnlyList<IndexedItem> items, QueryRewriter rewriter, EmbeddingCache cache)
    {
        _cache = cache;
        var phraseTexts = items.Select(i => i.Phrases.Select(rewriter.Neutral).ToArray()).ToArray();
        var originals = items.Select(i => i.Phrases).ToArray();
        var bodies = items.Select(i => i.Body.Length == 0 ? null : rewriter.Neutral(i.Body)).ToArray();
        var texts = phraseTexts.SelectMany(p => p).Concat(bodies.OfType<string>()).ToArray();
        Texts = texts;
        var vectors = cache.GetOrEmbed(texts);
        var next = 0;
        // Scored on the neutral text, shown (by faq preview) as the moderator wrote it.
        _phrases = phraseTexts.Select((texts, i) => texts.Select((_, j) => (originals[i][j], vectors[next++])).ToArray()).ToArray();
        _bodies = bodies.Select(b => b is null ? null : vectors[next++]).ToArray();
    }

    /// <summary>The embedded texts, so the cache keeps them.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>Query vectors for a message's texts, in order, through the question batcher (<see cref="QuestionBatcher"/>).</summary>
    public float[][] Embed(IReadOnlyList<string> questions) => _cache.Questions.Embed(questions);

    /// <summary>Per item: the best similarity and the phrase it came from.</summary>
    public (double Score, string Closest)[] Score(float[] query)
    {
        var scores = new (double, string)[_phrases.Length];
        for (var i = 0; i < _phrases.Length; i++)
        {
            var body = _bodies[i];
            var best = (Score: body is null ? 0 : VectorMath.Cosine(query, body) * BodyWeight, Closest: "(answer)");
            foreach (var (text, vector) in _phrases[i])
            {
                var similarity = VectorMath.Cosine(query, vector);
                if (similarity > best.Score)
                {
                    best = (similarity, text);
                }
            }

            scores[i] = best;
        }

        return scores;
    }
}
