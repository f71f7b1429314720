using System.Diagnostics;
using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Benchmarks;

/// <summary>
/// Answer latency over the development questions (semantic and lexical), model load, knowledge build,
/// process start to first answer, and peak RSS, for one embedding model (MiniLM unless named).
/// </summary>
public static class AnswerBenchmark
{
    private const int Passes = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 1 || !Enum.TryParse<EmbeddingModel>(args.FirstOrDefault() ?? nameof(EmbeddingModel.MiniLm), ignoreCase: true, out var model))
        {
            Console.Error.WriteLine($"usage: ChatBot.Benchmarks answer [{string.Join('|', Enum.GetNames<EmbeddingModel>())}]");
            return 2;
        }

        var root = Root();
        var questions = QuestionSet.Load(Path.Combine(root, "tests/ChatBot.Core.Tests/Data/dev-questions.yaml")).Select(i => i.Question).ToArray();
        var knowledge = Path.Combine(root, "knowledge");
        Console.WriteLine($"Machine: {Measure.Machine()}; model {model}; {questions.Length} questions × {Passes} passes");
        Console.WriteLine();

        var (embedder, warm) = Embedder(model);
        var modelLoad = Measure.Milliseconds(warm);
        var cache = Path.Combine(Path.GetTempPath(), "chatbot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        KnowledgeStore? store = null;
        var coldBuild = Measure.Milliseconds(() => store = Store(knowledge, RetrievalMode.Semantic, embedder, cache));
        var warmBuild = Measure.Milliseconds(() => store = Store(knowledge, RetrievalMode.Semantic, embedder, cache));
        var semanticEngine = new AnswerEngine(store!, new NullQuestionObserver());
        var semantic = Latencies(semanticEngine, questions);
        var shortQuestions = questions.Where(q => q.Length < ChatBot.Core.Text.RetrievalText.LongQuestion).ToArray();
        var semanticShort = Latencies(semanticEngine, shortQuestions);
        // A bot on a platform has every pattern compiled as it starts (SafetyPatternCompileService): its steady state.
        store!.Current.Safety.CompilePatternsSoon();
        var compileDeadline = DateTime.UtcNow.AddMinutes(3);
        while (!store.Current.Safety.PatternsCompiled && DateTime.UtcNow < compileDeadline)
        {
            Thread.Sleep(200);
        }

        var compiled = Latencies(semanticEngine, questions);
        var compiledShort = Latencies(semanticEngine, shortQuestions);
        var lexicalStore = Store(knowledge, RetrievalMode.Lexical, embedder, "");
        var lexical = Latencies(new AnswerEngine(lexicalStore, new NullQuestionObserver()), questions);
        var firstAnswer = await ProcessFirstAnswerAsync(root, model);

        Console.WriteLine("| measure | semantic | lexical |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| answer latency p50 | {Measure.Ms(Measure.Percentile(semantic, 50))} | {Measure.Ms(Measure.Percentile(lexical, 50))} |");
        Console.WriteLine($"| answer latency p99 | {Measure.Ms(Measure.Percentile(semantic, 99))} | {Measure.Ms(Measure.Percentile(lexical, 99))} |");
        Console.WriteLine($"| answer latency max | {Measure.Ms(semantic.Max())} | {Measure.Ms(lexical.Max())} |");
        Console.WriteLine($"| p50 / p99, the {shortQuestions.Length} questions under {ChatBot.Core.Text.RetrievalText.LongQuestion} characters | {Measure.Ms(Measure.Percentile(semanticShort, 50))} / {Measure.Ms(Measure.Percentile(semanticShort, 99))} | |");
        Console.WriteLine($"| every pattern compiled (a bot on a platform): p50 / p99 / max | {Measure.Ms(Measure.Percentile(compiled, 50))} / {Measure.Ms(Measure.Percentile(compiled, 99))} / {Measure.Ms(compiled.Max())} | |");
        Console.WriteLine($"| every pattern compiled, the {shortQuestions.Length} short questions: p50 / p99 | {Measure.Ms(Measure.Percentile(compiledShort, 50))} / {Measure.Ms(Measure.Percentile(compiledShort, 99))} | |");
        Console.WriteLine($"| model load | {Measure.Ms(modelLoad)} | — |");
        Console.WriteLine($"| knowledge build, empty embedding cache | {Measure.Ms(coldBuild)} | — |");
        Console.WriteLine($"| knowledge build, warm embedding cache | {Measure.Ms(warmBuild)} | — |");
        Console.WriteLine($"| process start → first answer (`chatbot ask`, warm cache) | {Measure.Ms(firstAnswer.Semantic)} | {Measure.Ms(firstAnswer.Lexical)} |");
        Console.WriteLine($"| peak RSS of `chatbot ask` | {firstAnswer.SemanticRss} | {firstAnswer.LexicalRss} |");
        Console.WriteLine($"| peak RSS of this benchmark (both engines) | {Measure.PeakRss()} | |");
        Console.WriteLine();
        Console.WriteLine("Slowest semantic answers (pass, ms, question):");
        foreach (var (latency, index) in semantic.Select((l, i) => (l, i)).OrderByDescending(x => x.l).Take(10))
        {
            Console.WriteLine($"- {(index / questions.Length) + 1}, {Measure.Ms(latency)}, {questions[index % questions.Length][..Math.Min(80, questions[index % questions.Length].Length)]}");
        }

        Directory.Delete(cache, recursive: true);
        return 0;
    }

    private static (ITextEmbedder Embedder, Action Warm) Embedder(EmbeddingModel model)
    {
        if (model == EmbeddingModel.ArcticXs)
        {
            var arctic = new ArcticXsEmbedder();
            return (arctic, arctic.Warm);
        }

        var miniLm = new MiniLmEmbedder();
        return (miniLm, miniLm.Warm);
    }

    private static List<double> Latencies(IAnswerEngine engine, string[] questions)
    {
        // Warm-up until the JIT has tiered up the hot paths: steady state is what a running bot sees.
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var question in questions)
            {
                engine.Ask(question, new AskContext("bench"));
            }
        }

        var latencies = new List<double>();
        for (var pass = 0; pass < Passes; pass++)
        {
            latencies.AddRange(questions.Select(q => Measure.Milliseconds(() => engine.Ask(q, new AskContext("bench")))));
        }

        return latencies;
    }

    public static KnowledgeStore Store(string folder, RetrievalMode mode, ITextEmbedder embedder, string cache) =>
        new(Options.Create(new KnowledgeOptions { Path = folder }), Options.Create(new RetrievalOptions { Mode = mode, CachePath = cache }),
            embedder, TimeProvider.System, NullLogger<KnowledgeStore>.Instance);

    private static async Task<(double Semantic, double Lexical, string SemanticRss, string LexicalRss)> ProcessFirstAnswerAsync(string root, EmbeddingModel model)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(root, "src/ChatBot.Host/bin", configuration, "net10.0/chatbot.dll");
        await RunChatBotAsync(root, dll, "Semantic", model);
        var semantic = await RunChatBotAsync(root, dll, "Semantic", model);
        var lexical = await RunChatBotAsync(root, dll, "Lexical", model);
        return (semantic.Elapsed, lexical.Elapsed, semantic.Rss, lexical.Rss);
    }

    private static async Task<(double Elapsed, string Rss)> RunChatBotAsync(string root, string dll, string mode, EmbeddingModel model)
    {
        string[] command = ["dotnet", dll, "ask", "what are the side effects?", $"--Retrieval:Mode={mode}", $"--Retrieval:Model={model}"];
        var timed = File.Exists("/usr/bin/time");
        var start = new ProcessStartInfo(timed ? "/usr/bin/time" : command[0], timed ? ["-f", "%M", .. command] : command[1..])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chatbot ask failed ({process.ExitCode}): {error}");
        }

        var elapsed = watch.Elapsed.TotalMilliseconds;
        var kb = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.All(char.IsDigit));
        return (elapsed, kb is null ? "n/a" : $"{long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) / 1024} MB");
    }

    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
