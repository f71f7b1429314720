using ChatBot.Core.Retrieval;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;

namespace ChatBot.Core.QuestionLog.Reports;

/// <summary>
/// Greedy leader clustering: each text joins the most similar earlier group leader at or above the
/// threshold, otherwise it leads a new group; so pass texts most frequent first. With an embedder the
/// similarity is the cosine of sentence embeddings (as retrieval uses) for the first
/// <see cref="MaxEmbedded"/> texts; otherwise, and beyond those, the Jaccard overlap of stemmed,
/// stop-word-free terms (as lexical retrieval sees them).
/// </summary>
public sealed class QuestionGrouper(ITextEmbedder? embedder)
{
    /// <summary>
    /// Measured with MiniLM on logged-style questions: rewordings score 0.76–0.85 ("restless legs" /
    /// "restless leg syndrome?"), different questions on one subject about 0.5 ("dog" / "magnesium for my dog").
    /// </summary>
    public const double SemanticThreshold = 0.7;

    /// <summary>Half the distinct terms shared: "is it safe in pregnancy" and "safe during pregnancy?" group, "dose" and "timing" do not.</summary>
    public const double LexicalThreshold = 0.5;

    /// <summary>
    /// Texts embedded per report, most frequent first: embedding costs ~6 ms a text on 2 cores, so 300
    /// keep a report near 2 s; rarer wordings are compared by shared words, which costs almost nothing.
    /// </summary>
    public const int MaxEmbedded = 300;

    /// <summary>Groups of indexes into <paramref name="texts"/>; the first index of each group is its leader.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<string> texts)
    {
        var terms = Terms(texts);
        var vectors = embedder?.Embed(texts.Take(MaxEmbedded).ToArray()) ?? [];

        // Similarity relative to its own threshold, so 1 means "just similar enough" for either measure.
        double Similarity(int a, int b) => a < vectors.Length && b < vectors.Length
            ? VectorMath.Cosine(vectors[a], vectors[b]) / SemanticThreshold
            : Jaccard(terms[a], terms[b]) / LexicalThreshold;

        var groups = new List<List<int>>();
        for (var i = 0; i < texts.Count; i++)
        {
            List<int>? best = null;
            var bestScore = 1.0;
            foreach (var group in groups)
            {
                var score = Similarity(group[0], i);
                if (score >= bestScore)
                {
                    (best, bestScore) = (group, score);
                }
            }

            if (best is null)
            {
                groups.Add([i]);
            }
            else
            {
                best.Add(i);
            }
        }

        return groups;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static HashSet<string>[] Terms(IReadOnlyList<string> texts)
    {
        using var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        return texts.Select(text => AnalyzedTerms.Of(analyzer, text).ToHashSet(StringComparer.Ordinal)).ToArray();
    }
}
