using System.Collections.Concurrent;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class QuestionBatcherTests
{
    [Fact]
    public void Questions_arriving_while_the_model_is_busy_share_a_call_and_each_caller_gets_its_own_vector()
    {
        var model = new SlowModel();
        using var batcher = new QuestionBatcher(model);
        var results = new ConcurrentDictionary<string, float[]>();

        // Dedicated threads, so the eight callers really overlap whatever else the machine runs.
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 5; i++)
            {
                var text = $"question {t}-{i}";
                results[text] = batcher.Embed([text])[0];
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(40, results.Count);
        Assert.All(results, r => Assert.Equal(SlowModel.VectorOf(r.Key), r.Value));
        Assert.True(model.Calls < 40, $"{model.Calls} model calls for 40 questions");
    }

    [Fact]
    public void A_question_asked_again_reuses_its_vector()
    {
        var model = new SlowModel();
        using var batcher = new QuestionBatcher(model);

        batcher.Embed(["hi"]);
        batcher.Embed(["hi", "hello"]);

        Assert.Equal(2, model.Calls);
        Assert.Equal(2, model.Texts);
    }

    [Fact]
    public void A_model_failure_reaches_the_caller()
    {
        using var batcher = new QuestionBatcher(new SlowModel { Fail = true });

        Assert.Throws<InvalidOperationException>(() => batcher.Embed(["boom"]));
    }

    private sealed class SlowModel : ITextEmbedder
    {
        private int _calls;
        private int _texts;

        public bool Fail { get; init; }

        public int Calls => _calls;

        public int Texts => _texts;

        public string ModelId => "slow";

        public static float[] VectorOf(string text) => [text.Length, text.GetHashCode(StringComparison.Ordinal)];

        public float[][] Embed(IReadOnlyList<string> texts)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _texts, texts.Count);
            Thread.Sleep(20);
            if (Fail)
            {
                throw new InvalidOperationException("model down");
            }

            return [.. texts.Select(VectorOf)];
        }
    }
}
