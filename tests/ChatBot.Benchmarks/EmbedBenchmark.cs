using System.Collections.Concurrent;
using System.Diagnostics;
using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Retrieval;

namespace ChatBot.Benchmarks;

/// <summary>
/// What batching buys: the model's cost per question embedded alone and in batches of 2 to 16; then the whole
/// engine answering a burst of distinct questions from 1, 2, 4 and 8 threads (its questions batched by the
/// question batcher when they arrive together), with the CPU time each answer cost, the mean model batch, the
/// memory allocated per answer and the collections it caused, after a warm-up that compiles the busy patterns. The
/// CPU time is the number to compare on a shared machine: answers/s follows whatever else runs on the cores.
/// Last, a queued burst as the adapters see one: 1,000 distinct questions queued at once (each told to
/// <see cref="QuestionsAhead"/> as an adapter's queue does), drained by 2, 4 and 8 workers through the engine; then
/// the same with members' own messages from the tune banks (all lengths, eleven languages) instead of one template.
/// </summary>
public static class EmbedBenchmark
{
    public static int Run()
    {
        var embedder = new MiniLmEmbedder();
        embedder.Warm();
        var questions = Enumerable.Range(0, 256).Select(i => $"does magnesium l-threonate help me sleep better, question number {i}").ToArray();
        embedder.Embed(questions[..16]);
        Console.WriteLine($"Machine: {Measure.Machine()}; MiniLM, {questions.Length} distinct short questions; GC gen0 budget cap {GC.GetConfigurationVariables().GetValueOrDefault("GCGen0MaxBudget")} bytes");
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
        var ahead = new QuestionsAhead();
        var engine = new AnswerEngine(store, new NullQuestionObserver(), ahead);
        var batcher = store.Questions!;
        // Warm up first: the patterns every message meets are compiled after 2,000 runs, on a background thread
        // whose CPU time would otherwise land in the first rows.
        Parallel.For(0, 2500, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => engine.Ask($"warming up with question {i} about mgt and sleep", AskContext.Console));
        Thread.Sleep(TimeSpan.FromSeconds(5));
        using var self = Process.GetCurrentProcess();
        Console.WriteLine();
        Console.WriteLine($"Load average before the burst: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine();
        Console.WriteLine("| engine threads | answers/s (1,000 distinct questions) | CPU per answer | questions per model call | allocated per answer | collections gen0 / gen1 / gen2 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var threads in new[] { 1, 2, 4, 8 })
        {
            var next = -1;
            Row($"{threads}", threads, () =>
            {
                for (var i = Interlocked.Increment(ref next); i < 1000; i = Interlocked.Increment(ref next))
                {
                    engine.Ask($"how much mgt should i take for sleep, asking for the {i}th time with {threads} threads", AskContext.Console);
                }
            });
        }

        Console.WriteLine();
        Console.WriteLine($"Load average before the queued burst: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine();
        Console.WriteLine("| workers | answers/s (1,000 distinct questions queued at once) | CPU per answer | questions per model call | allocated per answer | collections gen0 / gen1 / gen2 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var workers in new[] { 2, 4, 8 })
        {
            var queue = new ConcurrentQueue<string>();
            for (var i = 0; i < 1000; i++)
            {
                var question = $"how much mgt should i take for sleep, queued {i}th in a burst for {workers} workers";
                ahead.Expect(question);
                queue.Enqueue(question);
            }

            Row($"{workers}", workers, () =>
            {
                while (queue.TryDequeue(out var question))
                {
                    engine.Ask(question, AskContext.Console);
                }
            });
        }

        // Members' own messages: one to several sentences, eleven languages, so texts of very different lengths
        // meet in one model call (the tune halves of the question and red-flag banks; 1,000 unseen ones per row).
        var members = Directory.EnumerateFiles(Path.Combine(AnswerBenchmark.Root(), "eval"), "*-tune*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => QuestionSet.Load(file).Select(item => item.Question))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        new Random(20261204).Shuffle(members);
        Console.WriteLine();
        Console.WriteLine($"Load average before the queued burst of members' messages: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine();
        Console.WriteLine($"| workers | answers/s (1,000 members' messages queued at once, mean {members.Take(3000).Average(m => m.Length):0} characters) | CPU per answer | texts per model call | allocated per answer | collections gen0 / gen1 / gen2 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var row = 0;
        foreach (var workers in new[] { 2, 4, 8 })
        {
            var queue = new ConcurrentQueue<string>();
            foreach (var message in members.Skip(1000 * row++).Take(1000))
            {
                ahead.Expect(message);
                queue.Enqueue(message);
            }

            Row($"{workers}", workers, () =>
            {
                while (queue.TryDequeue(out var message))
                {
                    engine.Ask(message, AskContext.Console);
                }
            });
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            embedder.Embed([$"how much mgt should i take for sleep, model alone {i}"]);
        }

        var modelBytes = (GC.GetAllocatedBytesForCurrentThread() - before) / 200;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            engine.Ask($"how much mgt should i take for sleep, asking for the {i}th time with 1 threads", AskContext.Console);
        }

        var remembered = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
        Console.WriteLine();
        Console.WriteLine($"Allocated per question: model alone {modelBytes / 1024.0:0} KB; whole answer with its vector remembered {remembered / 1024.0:0} KB");
        return 0;

        // One row: 1,000 answers made by `threads` threads each running `work`, with the CPU time and model batches they took.
        void Row(string label, int threads, Action work)
        {
            var (calls, texts) = (batcher.Calls, batcher.Texts);
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var gcs = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => work());
            var elapsed = watch.Elapsed;
            self.Refresh();
            var perAnswer = (self.TotalProcessorTime - cpu).TotalMilliseconds / 1000;
            var batch = (double)(batcher.Texts - texts) / Math.Max(1, batcher.Calls - calls);
            var collections = string.Join(" / ", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - gcs[g]));
            Console.WriteLine($"| {label} | {1000 / elapsed.TotalSeconds:0} | {Measure.Ms(perAnswer)} | {batch:0.0} | {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1000 / 1024.0:0} KB | {collections} |");
        }
    }
}
