using System.Globalization;
using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Host.Cli;

/// <summary><c>chatbot faq eval FILE</c>: replays a question set and prints pass rates and every miss — for tuning alternates.</summary>
public static class EvalCommand
{
    public static int Run(CliArguments options, string file)
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
        var store = host.Services.GetRequiredService<KnowledgeStore>();
        var result = QuestionSetEvaluator.Run(engine, items);
        foreach (var (item, reply, passed) in result.Items.Where(i => !i.Passed || options.Verbose))
        {
            var decision = store.Current.Retriever.Decide(Core.Text.QuestionNormalizer.Normalize(item.Question));
            var top = decision.Candidates.Take(2).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Entry.Id} {c.Score:0.000}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(passed ? "ok  " : "MISS")} [{item.Expect}] {Short(item.Question)} -> {reply.Outcome} {reply.EntryId} [{string.Join(", ", reply.SafetyFlags)}] top: {string.Join(" | ", top)}; gap {decision.Gap?.Id} {decision.GapScore:0.000}"));
        }

        foreach (var expect in result.Items.Select(i => i.Item.Expect).Distinct())
        {
            var (passed, total) = result.Score(expect);
            Console.WriteLine($"{expect}: {passed}/{total}");
        }

        return 0;
    }

    private static string Short(string text) => text.Length <= 70 ? text : text[..67] + "...";
}
