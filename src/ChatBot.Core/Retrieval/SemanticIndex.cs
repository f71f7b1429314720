namespace ChatBot.Core.Retrieval;

/// <summary>Embeddings of each item's phrasings and body; scores a question by cosine similarity.</summary>
public sealed class SemanticIndex
{
    /// <summary>An answer resembles a question less than a phrasing does; its similarity counts for less.</summary>
    private const double BodyWeight = 0.85;

    /// <summary>Per item, the phrasings as the moderator wrote them (shown by faq preview); their rows follow each other.</summary>
    private readonly string[][] _phrases;
    private readonly int[] _firstPhraseRow;

    /// <summary>Per item, the row of its body, or -1 when it has none.</summary>
    private readonly int[] _bodyRow;

    private readonly VectorMatrix _vectors;
    private readonly EmbeddingCache _cache;

    public SemanticIndex(IReadOnlyList<IndexedItem> items, QueryRewriter rewriter, EmbeddingCache cache)
    {
        _cache = cache;
        // Scored on the neutral text, shown as the moderator wrote it.
        var phraseTexts = items.Select(i => i.Phrases.Select(rewriter.Neutral).ToArray()).ToArray();
        var bodies = items.Select(i => i.Body.Length == 0 ? null : rewriter.Neutral(i.Body)).ToArray();
        var texts = phraseTexts.SelectMany(p => p).Concat(bodies.OfType<string>()).ToArray();
        Texts = texts;
        _vectors = cache.Matrix(texts);
        _phrases = items.Select(i => i.Phrases.ToArray()).ToArray();
        _firstPhraseRow = new int[items.Count];
        _bodyRow = new int[items.Count];
        var next = 0;
        for (var i = 0; i < items.Count; i++)
        {
            _firstPhraseRow[i] = next;
            next += phraseTexts[i].Length;
        }

        for (var i = 0; i < items.Count; i++)
        {
            _bodyRow[i] = bodies[i] is null ? -1 : next++;
        }
    }

    /// <summary>The embedded texts, so the cache keeps them.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>Query vectors for a message's texts, in order, through the question batcher (<see cref="QuestionBatcher"/>).</summary>
    public float[][] Embed(IReadOnlyList<string> questions) => _cache.Questions.Embed(questions);

    /// <summary>True when the question batcher has recent vectors for every one of the texts.</summary>
    public bool Remembers(IEnumerable<string> questions) => _cache.Questions.Remembers(questions);

    /// <summary>Per item: the best similarity and the phrase it came from.</summary>
    public (double Score, string Closest)[] Score(float[] query)
    {
        var similarities = _vectors.Similarities(query);
        var scores = new (double, string)[_phrases.Length];
        for (var i = 0; i < _phrases.Length; i++)
        {
            var body = _bodyRow[i];
            var best = (Score: body < 0 ? 0 : similarities[body] * BodyWeight, Closest: "(answer)");
            for (var j = 0; j < _phrases[i].Length; j++)
            {
                double similarity = similarities[_firstPhraseRow[i] + j];
                if (similarity > best.Score)
                {
                    best = (similarity, _phrases[i][j]);
                }
            }

            scores[i] = best;
        }

        return scores;
    }
}
