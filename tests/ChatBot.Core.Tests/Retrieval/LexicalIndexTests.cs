using ChatBot.Core.Evaluation;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class LexicalIndexTests
{
    /// <summary>
    /// Scoring by adding each term's remembered clause scores must give exactly what Lucene's search of the
    /// whole query gives, to the last bit, or answers near a threshold could change.
    /// </summary>
    [Fact]
    public void Remembered_clause_scores_add_up_to_lucenes_own_search_bit_for_bit()
    {
        var knowledge = TestKnowledge.Load();
        var rewriter = new QueryRewriter(knowledge.Bot.Synonyms, knowledge.Bot.Subject);
        var items = knowledge.Entries.Select(e => IndexedItem.Of(e, withAsked: true))
            .Concat(knowledge.NotCovered.Select(g => IndexedItem.Of(g, withAsked: true)))
            .Concat(knowledge.SmallTalk.Select(i => IndexedItem.Of(i, withAsked: true)))
            .ToArray();
        using var index = new LexicalIndex(items, rewriter, knowledge.Entries.Count);
        var questions = Directory.EnumerateFiles(Path.Combine(TestKnowledge.RepositoryRoot, "eval"), "*.yaml")
            .Where(f => !f.EndsWith("topics.yaml", StringComparison.Ordinal))
            .SelectMany(QuestionSet.Load)
            .Where((_, i) => i % 5 == 0) // a fixed fifth of every bank: thousands of phrasings, a fifth of the time
            .Select(i => rewriter.Rewrite(i.Question.ToLowerInvariant()))
            .Append("magnesuim threonite dosage")
            .Append("")
            .ToArray();

        // Twice: the second pass reads the remembered clauses.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var question in questions)
            {
                Assert.Equal(index.ScoreBySearch(question), index.Score(question));
            }
        }
    }
}
