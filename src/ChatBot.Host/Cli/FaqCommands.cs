using System.Globalization;
using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Moderation;
using ChatBot.Core.Safety;
using ChatBot.Core.Text;
using ChatBot.Host.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Host.Cli;

/// <summary>Moderator verbs: validate the folder, preview how a question is matched, list uncovered article sentences.</summary>
public static class FaqCommands
{
    public static int Validate(CliArguments options)
    {
        var folder = KnowledgeFolder(options);
        var result = KnowledgeLoader.Load(folder);
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine(error);
        }

        if (!result.IsValid)
        {
            Console.Error.WriteLine($"{result.Errors.Count} error(s) in {folder}");
            return 1;
        }

        // The safety phrasings are checked against the triage they build, with the configured model.
        try
        {
            using var host = CliHost.Build(options, fullGate: true);
            var errors = host.Services.GetRequiredService<KnowledgeStore>().CheckPhrases();
            if (errors.Count > 0)
            {
                throw new KnowledgeInvalidException(folder, errors);
            }
        }
        catch (KnowledgeInvalidException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine($"{e.Errors.Count} error(s) in {folder}");
            return 1;
        }

        var knowledge = result.Knowledge!;
        Console.WriteLine($"OK: {knowledge.Entries.Count} entries, {knowledge.Safety.Count} safety categories, {knowledge.Sources.Count} source(s); version {knowledge.Version}");
        PrintCoverage(CoverageReport.Build(knowledge));
        return 0;
    }

    /// <summary>
    /// <c>chatbot faq test</c>: the moderators' expectations (<c>tests.yaml</c>) against the folder, each failure
    /// as <c>tests.yaml:line: message → got X, expected Y</c>; exit 1 on any failure or invalid knowledge.
    /// </summary>
    public static int Test(CliArguments options)
    {
        var folder = KnowledgeFolder(options);
        try
        {
            using var host = CliHost.Build(options, fullGate: true);
            var store = host.Services.GetRequiredService<KnowledgeStore>();
            Console.WriteLine($"OK: {store.Current.Knowledge.Tests.Count} tests pass ({store.Current.Retriever.Mode} mode); version {store.Current.Version}");
            return 0;
        }
        catch (KnowledgeInvalidException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine($"{e.Errors.Count} failure(s) in {folder}; the last good version keeps serving until they are fixed");
            return 1;
        }
    }

    /// <summary>
    /// <c>chatbot faq diff --knowledge EDITED [--against LIVE] [--questions FILE]</c>: every test message (and the
    /// questions of a question set, if given) as the live folder answers it and as the edited one would.
    /// </summary>
    public static int Diff(CliArguments options, string live, string? questions)
    {
        var edited = KnowledgeFolder(options);
        using var host = CliHost.Build(options with { Knowledge = edited });
        using var liveHost = CliHost.Build(options with { Knowledge = live });
        var editedSnapshot = SnapshotOf(host, edited);
        var liveSnapshot = SnapshotOf(liveHost, live);
        if (editedSnapshot is null || liveSnapshot is null)
        {
            return 1;
        }

        var messages = KnowledgeDiff.Messages(liveSnapshot, editedSnapshot)
            .Concat(questions is null ? [] : Core.Evaluation.QuestionSet.Load(questions).Select(i => i.Question));
        var changes = KnowledgeDiff.Compare(liveSnapshot, editedSnapshot, messages);
        foreach (var change in changes)
        {
            Console.WriteLine($"{change.Message}\n    live:   {change.Live}\n    edited: {change.Edited}");
        }

        Console.WriteLine($"{changes.Count} message(s) answered differently; live {liveSnapshot.Version}, edited {editedSnapshot.Version}");
        return 0;
    }

    /// <summary>The folder's snapshot as the live store would build it; its errors printed (tests failing included) when it would be refused.</summary>
    private static KnowledgeSnapshot? SnapshotOf(Microsoft.Extensions.Hosting.IHost host, string folder)
    {
        try
        {
            return host.Services.GetRequiredService<KnowledgeStore>().Current;
        }
        catch (KnowledgeInvalidException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine($"{e.Errors.Count} error(s) in {folder}: it would not go live");
            return null;
        }
    }

    public static int Coverage(CliArguments options)
    {
        var result = KnowledgeLoader.Load(KnowledgeFolder(options));
        if (!result.IsValid)
        {
            return Validate(options);
        }

        PrintCoverage(CoverageReport.Build(result.Knowledge!));
        return 0;
    }

    /// <summary><c>chatbot faq check "message"</c>: the same explanation moderators get in chat (<see cref="MessageCheck"/>).</summary>
    public static int Check(CliArguments options, string message)
    {
        using var host = CliHost.Build(options);
        Console.WriteLine(MessageCheck.Describe(host.Services.GetRequiredService<KnowledgeStore>().Current, message));
        return 0;
    }

    public static int Preview(CliArguments options, string question)
    {
        using var host = CliHost.Build(options);
        var snapshot = host.Services.GetRequiredService<KnowledgeStore>().Current;
        var normalized = QuestionNormalizer.Normalize(question);
        var vectors = snapshot.Retriever.NewVectors();
        var flags = snapshot.Triage(normalized, vectors).Flags;
        var decision = snapshot.Retriever.Decide(normalized, vectors);
        Console.WriteLine($"Retrieval: {snapshot.Retriever.Mode}; decision: {decision.Kind}; safety flags: {(flags.Count == 0 ? "none" : string.Join(", ", flags.Select(f => f.Category.Id)))}");
        foreach (var candidate in decision.Candidates.Take(5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {candidate.Score:0.000}  {candidate.Entry.Id,-28} semantic {candidate.Semantic:0.000} (closest: \"{candidate.ClosestPhrase}\"), lexical {candidate.Lexical:0.000}"));
        }

        if (decision.GapName.Length > 0)
        {
            Console.WriteLine($"  known gap by name: {decision.Gap!.Id} (names \"{decision.GapName}\" and not the subject: \"not covered\")");
        }
        else if (decision.Gap is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  closest known gap: {decision.Gap.Id} {decision.GapScore:0.000} (a gap at or above the best entry means \"not covered\")"));
        }

        return 0;
    }

    private static void PrintCoverage(CoverageReport report)
    {
        Console.WriteLine($"Coverage: {report.CitedCount}/{report.SentenceCount} article sentences cited by at least one entry.");
        foreach (var (source, sentence) in report.Uncited)
        {
            Console.WriteLine($"  not cited: {source.Id} {sentence.Location}: {sentence.Text}");
        }
    }

    private static string KnowledgeFolder(CliArguments options) => options.Knowledge ?? ConfiguredFolder(options);

    /// <summary>The knowledge folder the settings name, resolved from the content root: the live one.</summary>
    public static string ConfiguredFolder(CliArguments options)
    {
        var builder = ChatBotHostBuilder.Create(options.HostArgs, contentRoot: options.ContentRoot);
        var folder = builder.Configuration[$"{KnowledgeOptions.Section}:Path"] ?? "knowledge";
        return ContentRootPathsServiceCollectionExtensions.Resolve(folder, builder.Environment.ContentRootPath);
    }
}
