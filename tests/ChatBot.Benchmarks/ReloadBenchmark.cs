using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Benchmarks;

/// <summary>
/// Knowledge reload time with the semantic model, the reload gate included: a one-entry edit, every entry edited,
/// and a broken edit; then reply latency while a gated reload of every entry runs, against replies with no reload.
/// </summary>
public static class ReloadBenchmark
{
    private const int Rounds = 10;
    private static int _asked;

    public static int Run()
    {
        var root = AnswerBenchmark.Root();
        var folder = Copy(Path.Combine(root, "knowledge"));
        var cache = Path.Combine(Path.GetTempPath(), "chatbot-reload-cache-" + Guid.NewGuid().ToString("N")[..8]);
        var embedder = new MiniLmEmbedder();
        embedder.Warm();
        var store = new KnowledgeStore(
            Options.Create(new KnowledgeOptions { Path = folder }),
            Options.Create(new RetrievalOptions { Mode = RetrievalMode.Semantic, CachePath = cache }),
            embedder, TimeProvider.System, NullLogger<KnowledgeStore>.Instance);
        var entry = Path.Combine(folder, "faq", "side-effects.yaml");
        var original = File.ReadAllText(entry);

        var oneEntry = Enumerable.Range(0, Rounds).Select(i =>
        {
            File.WriteAllText(entry, original.Replace("It does not say how common", $"Edit {i}: it does not say how common", StringComparison.Ordinal));
            return Reload(store);
        }).ToList();
        var everyEntry = Enumerable.Range(0, 3).Select(i =>
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "faq")))
            {
                var text = File.ReadAllText(file);
                File.WriteAllText(file, text.Replace("answer: >-\n", $"answer: >-\n  Round {i}.\n", StringComparison.Ordinal));
            }

            return Reload(store);
        }).ToList();
        File.WriteAllText(entry, original.Replace("caveats:", "caveatz:", StringComparison.Ordinal));
        var broken = Enumerable.Range(0, Rounds).Select(_ => Reload(store, expectApplied: false)).ToList();

        Console.WriteLine($"Machine: {Measure.Machine()}; semantic model, warm embedding cache for unchanged texts");
        Console.WriteLine();
        Console.WriteLine("| reload | median | max |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| one entry edited ({Rounds}×) | {Measure.Ms(Measure.Percentile(oneEntry, 50))} | {Measure.Ms(oneEntry.Max())} |");
        Console.WriteLine($"| every entry's answer edited (3×) | {Measure.Ms(Measure.Percentile(everyEntry, 50))} | {Measure.Ms(everyEntry.Max())} |");
        Console.WriteLine($"| broken edit, rejected ({Rounds}×) | {Measure.Ms(Measure.Percentile(broken, 50))} | {Measure.Ms(broken.Max())} |");
        File.WriteAllText(entry, original);
        store.Reload();
        RepliesDuringReload(store, folder);
        Directory.Delete(folder, recursive: true);
        Directory.Delete(cache, recursive: true);
        return 0;
    }

    /// <summary>
    /// One thread answers the moderators' test messages back to back (a busy channel) while another reloads an edit
    /// of every entry's question and answer: every entry re-embedded, the whole gate run. Compared with the same
    /// replies when nothing reloads.
    /// </summary>
    private static void RepliesDuringReload(KnowledgeStore store, string folder)
    {
        var engine = new AnswerEngine(store, new NullQuestionObserver());
        var messages = store.Current.Knowledge.Tests.Select(t => t.Message).ToArray();
        var quiet = Answer(engine, messages, () => false, minimum: 400);
        var reloads = new List<double>();
        var during = new List<double>();
        var applied = 0;
        for (var round = 0; round < 3; round++)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "faq")))
            {
                var text = File.ReadAllText(file);
                File.WriteAllText(file, text
                    .Replace("answer: >-\n", $"answer: >-\n  Gated {round}.\n", StringComparison.Ordinal)
                    .Replace("question: \"", $"question: \"{(round % 2 == 0 ? "Please: " : "Tell me: ")}", StringComparison.Ordinal));
            }

            var reload = Task.Run(store.Reload);
            during.AddRange(Answer(engine, messages, () => !reload.IsCompleted, minimum: 1));
            reloads.Add(reload.Result.Took.TotalMilliseconds);
            applied += reload.Result.Changed ? 1 : 0;
        }

        Console.WriteLine();
        Console.WriteLine($"Replies while a gated reload of every entry runs (every entry's question and answer edited, {reloads.Count}×, {applied} went live; reload median {Measure.Ms(Measure.Percentile(reloads, 50))}):");
        Console.WriteLine();
        Console.WriteLine("| replies | count | p50 | p99 | max |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| no reload running | {quiet.Count} | {Measure.Ms(Measure.Percentile(quiet, 50))} | {Measure.Ms(Measure.Percentile(quiet, 99))} | {Measure.Ms(quiet.Max())} |");
        Console.WriteLine($"| during the gated reload | {during.Count} | {Measure.Ms(Measure.Percentile(during, 50))} | {Measure.Ms(Measure.Percentile(during, 99))} | {Measure.Ms(during.Max())} |");
    }

    /// <summary>Answers the messages in turn while <paramref name="keepGoing"/> holds, and at least <paramref name="minimum"/> of them; each reply's latency.</summary>
    private static List<double> Answer(AnswerEngine engine, string[] messages, Func<bool> keepGoing, int minimum)
    {
        var latencies = new List<double>();
        for (var i = 0; latencies.Count < minimum || keepGoing(); i++)
        {
            // Every text distinct: no reply reuses a remembered question vector, so each competes for the model.
            var message = $"{messages[i % messages.Length]} ({Interlocked.Increment(ref _asked)})";
            latencies.Add(Measure.Milliseconds(() => engine.Ask(message, AskContext.Console)));
        }

        return latencies;
    }

    private static double Reload(KnowledgeStore store, bool expectApplied = true)
    {
        var report = store.Reload();
        if (report.Applied != expectApplied)
        {
            throw new InvalidOperationException(report.Describe());
        }

        return report.Took.TotalMilliseconds;
    }

    private static string Copy(string source)
    {
        var target = Path.Combine(Path.GetTempPath(), "chatbot-reload-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
