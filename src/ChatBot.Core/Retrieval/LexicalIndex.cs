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

    /// <summary>Fuzzy expansions kept per index: questions' words repeat, but typos are unbounded.</summary>
    private const int MaxFuzzyTerms = 20_000;

    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<IndexedItem> _items;

    /// <summary>
    /// Each term's fuzzy query rewritten against this index (the one-edit terms it expands to, with their
    /// boosts): the expansion depends only on the term and the index, and building it (a Levenshtein
    /// automaton and a walk of the term dictionary) cost more than the rest of the lexical search.
    /// </summary>
    private readonly ConcurrentDictionary<string, Query> _fuzzy = new(StringComparer.Ordinal);

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

    /// <summary>Lexical score per item, 0..1.</summary>
    public double[] Score(string question)
    {
        var scores = new double[_items.Count];
        var terms = Terms(question);
        if (terms.Count == 0)
        {
            return scores;
        }

        var query = new BooleanQuery();
        foreach (var term in terms.Distinct())
        {
            query.Add(new TermQuery(new Term(Phrases, term)) { Boost = 1.0f }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(AnswerField, term)) { Boost = 0.4f }, Occur.SHOULD);
            if (term.Length >= 5)
            {
                query.Add(Fuzzy(term), Occur.SHOULD);
            }
        }

        foreach (var hit in _searcher.Search(query, _items.Count).ScoreDocs)
        {
            scores[hit.Doc] = hit.Score / (hit.Score + Saturation);
        }

        return scores;
    }

    private Query Fuzzy(string term)
    {
        if (_fuzzy.TryGetValue(term, out var cached))
        {
            return cached;
        }

        // Rewriting here is what the searcher would do first; the rewritten query is only read afterwards.
        var rewritten = _searcher.Rewrite(new FuzzyQuery(new Term(Phrases, term), 1) { Boost = 0.3f });
        if (_fuzzy.Count < MaxFuzzyTerms)
        {
            _fuzzy.TryAdd(term, rewritten);
        }

        return rewritten;
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
