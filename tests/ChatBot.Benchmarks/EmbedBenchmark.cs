using System.Diagnostics;
using ChatBot.Core.Answering;
using ChatBot.Core.Retrieval;

namespace ChatBot.Benchmarks;

/// <summary>
/// What batching buys: the model's cost per question embedded alone and in batches of 2 to 16; then the whole
/// engine answering a burst of distinct questions from 1, 2, 4 and 8 threads (its questions batched by the
/// question batcher when they arrive together).
/// </summary>
public static class EmbedBenchmark
{
    public static int Run()
    {
        var embedder = new MiniLmEmbedder();
        embedder.Warm();
        var questions = Enumerable.Range(0, 256).Select(i => $"does magnesium l-threonate help me sleep better, question number {i}").ToArray();
        embedder.Embed(questions[..16]);
        Console.WriteLine($"Machine: {Measure.Machine()}; MiniLM, {questions.Length} distinct short questions");
        Console.WriteLine();
        Console.WriteLine("| batch size | per question | questions/s (model only) |");
        Console.WriteLine("|---|---|---|");
        foreach (var size in new[] { 1, 2, 4, 8, 16 })
        {
            var watch = Stopwatch.StartNew();
            foreach (var batch in questions.Chunk(size))
            {
                embedder.Embed(batch);
            }

            var perQuestion = watch.Elapsed.TotalMilliseconds / questions.Length;
            Console.WriteLine($"| {size} | {Measure.Ms(perQuestion)} | {1000 / perQuestion:0} |");
        }

        var store = AnswerBenchmark.Store(Path.Combine(AnswerBenchmark.Root(), "knowledge"), RetrievalMode.Semantic, embedder, Path.Combine(Path.GetTempPath(), "chatbot-bench-cache"));
        var engine = new AnswerEngine(store, new NullQuestionObserver());
        Console.WriteLine();
        Console.WriteLine("| engine threads | answers/s (1,000 distinct questions) |");
        Console.WriteLine("|---|---|");
        foreach (var threads in new[] { 1, 2, 4, 8 })
        {
            var next = -1;
            var watch = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
            {
                for (var i = Interlocked.Increment(ref next); i < 1000; i = Interlocked.Increment(ref next))
                {
                    engine.Ask($"how much mgt should i take for sleep, asking for the {i}th time with {threads} threads", AskContext.Console);
                }
            });
            Console.WriteLine($"| {threads} | {1000 / watch.Elapsed.TotalSeconds:0} |");
        }

        return 0;
    }
}
