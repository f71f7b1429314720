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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Up_to_the_allowed_number_of_model_calls_run_at_once_and_every_caller_gets_its_vector(int concurrentCalls)
    {
        var model = new SlowModel();
        using var batcher = new QuestionBatcher(model, concurrentCalls: concurrentCalls);
        var results = new ConcurrentDictionary<string, float[]>();

        using var start = new Barrier(12);
        var threads = Enumerable.Range(0, 12).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 8; i++)
            {
                var text = $"question {t}-{i}";
                results[text] = batcher.Embed([text, $"clause of {text}"])[0];
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(96, results.Count);
        Assert.All(results, r => Assert.Equal(SlowModel.VectorOf(r.Key), r.Value));
        Assert.Equal(concurrentCalls, model.MostAtOnce);
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
    public void A_text_already_in_a_model_call_waits_for_that_call_instead_of_making_another()
    {
        var model = new SlowModel { Hold = new ManualResetEventSlim() };
        using var batcher = new QuestionBatcher(model);
        var first = new Thread(() => batcher.Embed(["queued question", "its clause"]));
        first.Start();
        SpinWait.SpinUntil(() => model.Calls == 1);
        float[][]? second = null;
        var asking = new Thread(() => second = batcher.Embed(["its clause"]));
        asking.Start();

        Assert.False(asking.Join(200), "the second caller did not wait for the call embedding its text");
        model.Hold.Set();
        first.Join();
        asking.Join();

        Assert.Equal(1, model.Calls);
        Assert.Equal(SlowModel.VectorOf("its clause"), second![0]);
    }

    [Fact]
    public void Texts_embedded_together_are_all_remembered_even_when_the_recent_cache_is_full()
    {
        var model = new SlowModel();
        using var batcher = new QuestionBatcher(model, remembered: 1);

        batcher.Embed(["first queued", "second queued", "third queued"]);

        Assert.True(batcher.Remembers(["first queued", "second queued", "third queued"]));
        batcher.Embed(["third queued"]);
        batcher.Embed(["second queued"]);
        Assert.Equal(1, model.Calls);
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
        private int _running;
        private int _mostAtOnce;

        public bool Fail { get; init; }

        /// <summary>When set, a call runs only once it is signalled.</summary>
        public ManualResetEventSlim? Hold { get; init; }

        public int Calls => _calls;

        public int Texts => _texts;

        public int MostAtOnce => _mostAtOnce;

        public string ModelId => "slow";

        public static float[] VectorOf(string text) => [text.Length, text.GetHashCode(StringComparison.Ordinal)];

        public float[][] Embed(IReadOnlyList<string> texts)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _texts, texts.Count);
            var running = Interlocked.Increment(ref _running);
            for (var most = _mostAtOnce; running > most; most = _mostAtOnce)
            {
                Interlocked.CompareExchange(ref _mostAtOnce, running, most);
            }

            Thread.Sleep(20);
            Hold?.Wait();
            Interlocked.Decrement(ref _running);
            if (Fail)
            {
                throw new InvalidOperationException("model down");
            }

            return [.. texts.Select(VectorOf)];
        }
    }
}
