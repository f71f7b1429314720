using ChatBot.Core.QuestionLog.Reports;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.QuestionLog;

public sealed class QuestionGrouperTests
{
    [Fact]
    public void Lexical_grouping_puts_rewordings_together_and_keeps_other_topics_apart()
    {
        string[] texts =
        [
            "is it safe during pregnancy",
            "how much should I take per day",
            "safe in pregnancy?",
            "can I take it with melatonin",
            "how much to take each day",
        ];

        var groups = new QuestionGrouper(null).Group(texts);

        Assert.Equal([[0, 2], [1, 4], [3]], groups.Select(g => g.ToArray()).ToArray());
    }

    [Fact]
    public void Semantic_grouping_uses_the_cosine_of_embeddings()
    {
        var embedder = new FixedEmbedder(new Dictionary<string, float[]>
        {
            ["a"] = [1, 0],
            ["b"] = [0.9f, 0.43589f],
            ["c"] = [0, 1],
        });

        var groups = new QuestionGrouper(embedder).Group(["a", "b", "c"]);

        Assert.Equal([[0, 1], [2]], groups.Select(g => g.ToArray()).ToArray());
    }

    [Fact]
    public void Semantic_grouping_with_the_shipped_model_joins_rewordings_only()
    {
        string[] texts = ["does it help with restless legs", "is it good for my dog", "restless leg syndrome?", "can I give magnesium to my dog?", "is this safe for dogs"];

        var groups = new QuestionGrouper(new MiniLmEmbedder()).Group(texts);

        Assert.Equal([[0, 2], [1, 4], [3]], groups.Select(g => g.ToArray()).ToArray());
    }

    private sealed class FixedEmbedder(Dictionary<string, float[]> vectors) : ITextEmbedder
    {
        public string ModelId => "fixed";

        public float[][] Embed(IReadOnlyList<string> texts) => texts.Select(t => vectors[t]).ToArray();
    }
}
