using System.Globalization;
using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Host.Cli;

/// <summary>
/// <c>chatbot faq eval FILE [floors]</c>: replays a question set, prints every miss and the figures (answer
/// and refusal rates, red-flag recall per category, false alarms), and exits 1 when a floor given on the
/// command line is not met, so moderators can gate an edit with it. With <c>--figures-only</c> it prints no
/// message at all, so a holdout set can be measured without its misses being read.
/// </summary>
public static class EvalCommand
{
    public static int Run(CliArguments options, string file, bool figuresOnly, EvaluationFloors floors)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"chatbot: question set not found: {file}");
            return 2;
        }

        IReadOnlyList<QuestionSetItem> items;
        try
        {
            items = QuestionSet.Load(file);
        }
        catch (QuestionSetInvalidException e)
        {
            Console.Error.WriteLine($"chatbot: invalid question set: {e.Message}");
            return 2;
        }

        using var host = CliHost.Build(options);
        var engine = host.Services.GetRequiredService<IAnswerEngine>();
        var topicsFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "topics.yaml");
        var topics = File.Exists(topicsFile) ? TopicMap.Load(topicsFile) : TopicMap.None;
        if (topics == TopicMap.None && items.Any(i => i.Topics.Count > 0))
        {
            Console.Error.WriteLine($"chatbot: no topics.yaml beside {file}: an answer from any entry counts as on-topic.");
        }

        var result = QuestionSetEvaluator.Run(engine, items, topics);
        var listed = figuresOnly ? [] : result.Items.Where(i => !i.Passed || options.Verbose);
        foreach (var evaluated in listed)
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

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
