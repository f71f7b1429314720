using System.Globalization;
using System.Text.Json;
using ChatBot.Core.Answering;
using ChatBot.Core.Safety;
using ChatBot.Core.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Host.Cli;

/// <summary>
/// <c>chatbot safety check "message" [--json]</c>: which red flags a message raises and why — the pattern
/// that matched, or the nearest example with its similarity — and, per category, the nearest look-alike.
/// </summary>
public static class SafetyCheckCommand
{
    public static int Run(CliArguments options, string message)
    {
        using var host = CliHost.Build(options);
        var snapshot = host.Services.GetRequiredService<KnowledgeStore>().Current;
        var normalized = QuestionNormalizer.Normalize(message);
        var assessment = snapshot.Triage(normalized, snapshot.Retriever.NewVectors());
        Console.WriteLine(options.Json ? Json(assessment) : Text(assessment, snapshot.Safety.IsSemantic));
        return 0;
    }

    private static string Text(SafetyAssessment assessment, bool semantic)
    {
        var lines = new List<string>
        {
            assessment.Flags.Count == 0
                ? "No red flag."
                : $"Red flags: {string.Join(", ", assessment.Flags.Select(f => f.Category.Id))}{(assessment.IsUrgent ? " (the answer is replaced)" : " (shown above the answer)")}",
        };
        if (assessment.ReadAs is { } cyrillic)
        {
            lines.Add($"Read as Russian in Latin letters: \"{cyrillic}\"");
        }

        lines.AddRange(assessment.Flags.Select(f => $"  {f.Category.Id}: {f.Explain()}"));
        if (!semantic)
        {
            lines.Add("Semantic signal: off (lexical mode); patterns only.");
            return string.Join(Environment.NewLine, lines);
        }

        if (assessment.Semantic.Count == 0)
        {
            lines.Add("Semantic signal: not read (a language the glossary knows too little of); patterns only.");
            return string.Join(Environment.NewLine, lines);
        }

        if (assessment.Semantic.FirstOrDefault(e => e.IsGloss) is { } glossed)
        {
            lines.Add($"Read through the glossary as: \"{glossed.Clause}\"");
        }

        lines.Add("Semantic signal, per category (fires at or above its threshold when closer to the example than to any look-alike):");
        lines.AddRange(assessment.Semantic.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"  {e.Category,-11} example {e.ExampleSimilarity:0.00} \"{e.Example}\" | look-alike {e.LookAlikeSimilarity:0.00} \"{e.LookAlike}\"")));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Json(SafetyAssessment assessment) => JsonSerializer.Serialize(new
    {
        flags = assessment.Flags.Select(f => new
        {
            category = f.Category.Id,
            action = f.Category.Action.ToString().ToLowerInvariant(),
            signal = f.Signal.ToString().ToLowerInvariant(),
            because = f.Because,
            similarity = Math.Round(f.Similarity, 3),
        }),
        urgent = assessment.IsUrgent,
        readAs = assessment.ReadAs,
        gloss = assessment.Semantic.FirstOrDefault(e => e.IsGloss)?.Clause,
        semantic = assessment.Semantic.Select(e => new
        {
            category = e.Category,
            example = e.Example,
            exampleSimilarity = Math.Round(e.ExampleSimilarity, 3),
            lookAlike = e.LookAlike,
            lookAlikeSimilarity = Math.Round(e.LookAlikeSimilarity, 3),
            clause = e.Clause,
        }),
    });
}
