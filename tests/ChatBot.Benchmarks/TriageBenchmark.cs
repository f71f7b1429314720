using System.Diagnostics;
using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Benchmarks;

/// <summary>
/// Safety triage: its own cost per message (patterns and the comparison with every example and look-alike,
/// the message's vectors already made), and how many model calls a whole answer makes — one for a short
/// message, shared by triage and retrieval.
/// </summary>
public static class TriageBenchmark
{
    private const int Passes = 5;

    public static int Run()
    {
        var root = AnswerBenchmark.Root();
        var messages = QuestionSet.Load(Path.Combine(root, "tests/ChatBot.Core.Tests/Data/dev-questions.yaml"))
            .Concat(QuestionSet.Load(Path.Combine(root, "eval/safety-tune.yaml")))
            .Select(i => QuestionNormalizer.Normalize(i.Question))
            .Where(m => m.Length > 0)
            .ToArray();
        var embedder = new CountingEmbedder(new MiniLmEmbedder());
        var store = new KnowledgeStore(
            Options.Create(new KnowledgeOptions { Path = Path.Combine(root, "knowledge") }),
            Options.Create(new RetrievalOptions { CachePath = "" }),
            embedder,
            TimeProvider.System,
            NullLogger<KnowledgeStore>.Instance);
        var snapshot = store.Current;
        var engine = new AnswerEngine(store, new NullQuestionObserver());
        Console.WriteLine($"Machine: {Measure.Machine()}; {messages.Length} messages (development set and red-flag tune corpus) × {Passes} passes");
        Console.WriteLine();

        var triage = new List<double>();
        var shortCalls = new List<int>();
        var longCalls = new List<int>();
        for (var pass = 0; pass < Passes + 2; pass++)
        {
            foreach (var message in messages)
            {
                var vectors = snapshot.Retriever.NewVectors();
                _ = snapshot.Triage(message, vectors); // embeds; the timed call below reuses the vectors
                var watch = Stopwatch.StartNew();
                _ = snapshot.Triage(message, vectors);
                if (pass >= 2)
                {
                    triage.Add(watch.Elapsed.TotalMilliseconds);
                }

                var before = embedder.Calls;
                _ = engine.Ask(message, new AskContext("bench"));
                if (pass == 2)
                {
                    (message.Length < RetrievalText.LongQuestion ? shortCalls : longCalls).Add(embedder.Calls - before);
                }
            }
        }

        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| triage cost p50 (vectors made) | {Measure.Ms(Measure.Percentile(triage, 50))} |");
        Console.WriteLine($"| triage cost p99 (vectors made) | {Measure.Ms(Measure.Percentile(triage, 99))} |");
        Console.WriteLine($"| model calls per answer, messages under {RetrievalText.LongQuestion} characters | max {shortCalls.Max()}, mean {shortCalls.Average():0.00} ({shortCalls.Count} messages) |");
        Console.WriteLine($"| model calls per answer, longer messages | max {(longCalls.Count == 0 ? 0 : longCalls.Max())}, mean {(longCalls.Count == 0 ? 0 : longCalls.Average()):0.00} ({longCalls.Count} messages) |");
        return 0;
    }

    private sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
    {
        private int _calls;

        public int Calls => _calls;

        public string ModelId => inner.ModelId;

        public float[][] Embed(IReadOnlyList<string> texts)
        {
            Interlocked.Increment(ref _calls);
            return inner.Embed(texts);
        }
    }
}
