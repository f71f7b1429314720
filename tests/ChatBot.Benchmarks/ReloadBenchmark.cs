using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Benchmarks;

/// <summary>Knowledge reload time with the semantic model: a one-entry edit, every entry edited, and a broken edit.</summary>
public static class ReloadBenchmark
{
    private const int Rounds = 10;

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
        Directory.Delete(folder, recursive: true);
        Directory.Delete(cache, recursive: true);
        return 0;
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
