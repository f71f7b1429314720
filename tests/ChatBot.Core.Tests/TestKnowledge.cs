using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests;

/// <summary>The shipped knowledge folder and engines built on it, as production builds them.</summary>
public static class TestKnowledge
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepositoryRoot, "knowledge");

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    private static readonly Lazy<KnowledgeBase> Shipped = new(() =>
    {
        var result = KnowledgeLoader.Load(Folder);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Knowledge!;
    });

    public static KnowledgeBase Load() => Shipped.Value;

    public static KnowledgeStore Store(RetrievalMode mode, string? folder = null, ITextEmbedder? embedder = null) =>
        new(
            Options.Create(new KnowledgeOptions { Path = folder ?? Folder }),
            Options.Create(new RetrievalOptions { Mode = mode, CachePath = "" }),
            embedder ?? RememberingEmbedder.Instance,
            TimeProvider.System,
            NullLogger<KnowledgeStore>.Instance);

    private static readonly Lazy<KnowledgeStore> SharedSemanticStore = new(() => Store(RetrievalMode.Semantic));
    private static readonly Lazy<KnowledgeStore> SharedLexicalStore = new(() => Store(RetrievalMode.Lexical));
    private static readonly Lazy<IAnswerEngine> SharedSemantic = new(() => new AnswerEngine(SharedSemanticStore.Value, new NullQuestionObserver()));
    private static readonly Lazy<IAnswerEngine> SharedLexical = new(() => new AnswerEngine(SharedLexicalStore.Value, new NullQuestionObserver()));

    /// <summary>
    /// One store of the shipped folder per mode for the whole test run, never reloaded: a test that only reads the
    /// shipped knowledge needs no store of its own, and building one loads, gates and indexes every file again.
    /// </summary>
    public static KnowledgeStore ShippedStore(RetrievalMode mode) => mode == RetrievalMode.Semantic ? SharedSemanticStore.Value : SharedLexicalStore.Value;

    /// <summary>One engine per mode for the whole test run, on <see cref="ShippedStore"/>.</summary>
    public static IAnswerEngine Engine(RetrievalMode mode) => mode == RetrievalMode.Semantic ? SharedSemantic.Value : SharedLexical.Value;

    /// <summary>A private copy of the shipped folder that a test may break.</summary>
    public static string CopyToTemp()
    {
        var target = Path.Combine(Path.GetTempPath(), "chatbot-knowledge-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ChatBot.sln not found above " + AppContext.BaseDirectory);
    }
}
