using System.Globalization;
using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Host.Cli;

/// <summary>
/// <c>chatbot faq eval FILE [floors]</c>: replays a question set, prints every miss and the figures (answer
/// and refusal rates, red-flag recall per category, false alarms), and exits 1 when a floor given on the
/// command line is not met, so moderators can gate an edit with it.
/// </summary>
public static class EvalCommand
{
    public static int Run(CliArguments options, string file, EvaluationFloors floors)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"chatbot: question set '{file}' not found");
            return 2;
        }

        IReadOnlyList<QuestionSetItem> items;
        try
        {
            items = QuestionSet.Load(file);
        }
        catch (Exception e) when (e is FormatException or YamlDotNet.Core.YamlException)
        {
            Console.Error.WriteLine($"chatbot: {e.Message}");
            return 2;
        }

        using var host = CliHost.Build(options);
        var engine = host.Services.GetRequiredService<IAnswerEngine>();
        var topicsFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "topics.yaml");
        var topics = File.Exists(topicsFile) ? TopicMap.Load(topicsFile) : TopicMap.None;
        var result = QuestionSetEvaluator.Run(engine, items, topics);
        foreach (var evaluated in result.Items.Where(i => !i.Passed || options.Verbose))
        {
            var reply = evaluated.Reply;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(evaluated.Passed ? "ok  " : "MISS")} {Path.GetFileName(file)}:{evaluated.Item.Line} [{evaluated.Item.Expect}{(evaluated.Item.Flag is null ? "" : " " + evaluated.Item.Flag)}{(evaluated.Item.Topics.Count == 0 ? "" : " " + string.Join('+', evaluated.Item.Topics))}] {Short(evaluated.Item.Question)} -> {reply.Outcome} {reply.EntryId} [{string.Join(", ", reply.SafetyFlags)}] {reply.Confidence:0.000}"));
        }

        var report = new EvaluationReport(result);
        foreach (var rate in report.Rates)
        {
            Console.WriteLine(rate);
        }

        var failures = report.Failures(floors);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"chatbot: {failure}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Reads <c>--min-answer R</c>, <c>--min-no-answer R</c>, <c>--min-recall R</c>, <c>--min-urgent-recall R</c>, <c>--max-false-alarms R</c>, <c>--max-replace-false-alarms R</c> (rates 0..1).</summary>
    public static EvaluationFloors? ParseFloors(IReadOnlyList<string> words)
    {
        var floors = new EvaluationFloors();
        for (var i = 0; i < words.Count; i += 2)
        {
            if (i + 1 >= words.Count || !double.TryParse(words[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate is < 0 or > 1)
            {
                return null;
            }

            floors = words[i] switch
            {
                "--min-answer" => floors with { Answer = rate },
                "--min-no-answer" => floors with { NoAnswer = rate },
                "--min-recall" => floors with { Recall = rate },
                "--min-urgent-recall" => floors with { UrgentRecall = rate },
                "--max-false-alarms" => floors with { FalseAlarms = rate },
                "--max-replace-false-alarms" => floors with { ReplaceFalseAlarms = rate },
                _ => null!,
            };
            if (floors is null)
            {
                return null;
            }
        }

        return floors;
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
