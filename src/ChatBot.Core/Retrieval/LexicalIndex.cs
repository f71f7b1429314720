using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// BM25 over each entry's question and alternates (and, weaker, its answer), with English stemming and
/// one-edit fuzzy terms for typos. Lucene.Net in memory: the FAQ is small, the index is rebuilt per version.
/// </summary>
public sealed class LexicalIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Phrases = "phrases";
    private const string AnswerField = "answer";

    /// <summary>BM25 scores are unbounded; s / (s + k) maps them to 0..1 with k a "decent match".</summary>
    private const double Saturation = 8.0;

    /// <summary>Terms whose clause scores are kept per index: questions' words repeat, but typos are unbounded.</summary>
    private const int MaxCachedTerms = 20_000;

    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<IndexedItem> _items;

    /// <summary>
    /// Each term's clauses (the term in the phrasings, in the answer, and its one-edit expansions), each
    /// scored alone over every item: a clause's BM25 score does not depend on the other clauses of a query
    /// (BM25 has no query norm or coordination factor), so a question is scored by adding its terms'
    /// clauses, with no search and no allocation per clause. Questions' words repeat; typos are unbounded.
    /// </summary>
    private readonly ConcurrentDictionary<string, ClauseHits[]> _termClauses = new(StringComparer.Ordinal);

    /// <summary>The items one clause matches, with the score it gives each.</summary>
    private sealed record ClauseHits(int[] Items, float[] Scores);

    /// <param name="vocabularyItems">How many leading items make up the vocabulary (the FAQ entries, not the known gaps).</param>
    public LexicalIndex(IReadOnlyList<IndexedItem> items, QueryRewriter rewriter, int? vocabularyItems = null)
    {
        _items = items;
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var item in items)
            {
                var document = new Document
                {
                    new TextField(Phrases, rewriter.Rewrite(string.Join(" \n ", item.Phrases)), Field.Store.NO),
                    new TextField(AnswerField, rewriter.Rewrite(item.Body), Field.Store.NO),
                };
                writer.AddDocument(document);
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        Vocabulary = items.Take(vocabularyItems ?? items.Count)
            .SelectMany(i => i.Phrases.Append(i.Body))
            .SelectMany(text => Terms(rewriter.Rewrite(text)))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every analysed term of the FAQ entries, to tell questions about things the FAQ never mentions.</summary>
    public IReadOnlySet<string> Vocabulary { get; }

    /// <summary>Lexical score per item, 0..1: BM25 of the question's terms as one query of optional clauses.</summary>
    public double[] Score(string question)
    {
        var scores = new double[_items.Count];
        var terms = Terms(question);
        if (terms.Count == 0)
        {
            return scores;
        }

        var clauses = terms.Distinct().SelectMany(Clauses).ToArray();
        var sums = new double[scores.Length];
        var hit = new bool[scores.Length];
        // As Lucene's BooleanScorer adds optional clauses for an item: in double, the last clause first, then to float.
        for (var c = clauses.Length - 1; c >= 0; c--)
        {
            var clause = clauses[c];
            for (var i = 0; i < clause.Items.Length; i++)
            {
                sums[clause.Items[i]] += clause.Scores[i];
                hit[clause.Items[i]] = true;
            }
        }

        for (var item = 0; item < scores.Length; item++)
        {
            if (hit[item])
            {
                var total = (float)sums[item];
                scores[item] = total / (total + Saturation);
            }
        }

        return scores;
    }

    /// <summary>The query Lucene would run for a question; what <see cref="Score"/> reproduces without running it.</summary>
    internal double[] ScoreBySearch(string question)
    {
        var scores = new double[_items.Count];
        var terms = Terms(question);
        if (terms.Count == 0)
        {
            return scores;
        }

        var query = new BooleanQuery();
        foreach (var clause in terms.Distinct().SelectMany(ClauseQueries))
        {
            query.Add(clause, Occur.SHOULD);
        }

        foreach (var hit in _searcher.Search(query, _items.Count).ScoreDocs)
        {
            scores[hit.Doc] = hit.Score / (hit.Score + Saturation);
        }

        return scores;
    }

    private ClauseHits[] Clauses(string term)
    {
        if (_termClauses.TryGetValue(term, out var known))
        {
            return known;
        }

        var clauses = ClauseQueries(term).Select(ScoresAlone).ToArray();
        if (_termClauses.Count < MaxCachedTerms)
        {
            _termClauses.TryAdd(term, clauses);
        }

        return clauses;
    }

    private IEnumerable<Query> ClauseQueries(string term)
    {
        yield return new TermQuery(new Term(Phrases, term)) { Boost = 1.0f };
        yield return new TermQuery(new Term(AnswerField, term)) { Boost = 0.4f };
        if (term.Length >= 5)
        {
            // Rewritten here as the searcher would first: the expansion is a Levenshtein automaton and a walk of the term dictionary.
            yield return _searcher.Rewrite(new FuzzyQuery(new Term(Phrases, term), 1) { Boost = 0.3f });
        }
    }

    private ClauseHits ScoresAlone(Query clause)
    {
        var hits = _searcher.Search(clause, _items.Count).ScoreDocs;
        return new ClauseHits(hits.Select(h => h.Doc).ToArray(), hits.Select(h => h.Score).ToArray());
    }

    /// <summary>The analysed (lowercased, stop-word-free, stemmed) terms of a text.</summary>
    public IReadOnlyList<string> Terms(string text) => AnalyzedTerms.Of(_analyzer, text);

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
