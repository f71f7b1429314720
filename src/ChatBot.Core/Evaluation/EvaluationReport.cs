using System.Globalization;
using ChatBot.Core.Replies;
using ChatBot.Core.Safety;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// The figures a question set is judged by: answer and refusal rates, answers from an entry of another
/// topic, red-flag recall per category, and false alarms on look-alikes (any, and replace-level).
/// </summary>
public sealed class EvaluationReport(EvaluationResult result)
{
    private readonly EvaluationResult _result = result;

    public IReadOnlyList<Rate> Rates => [.. Answers(), .. Recalls(), .. FalseAlarms()];

    /// <summary>Every floor the figures miss, as one line each; empty when all hold.</summary>
    public IReadOnlyList<string> Failures(EvaluationFloors floors)
    {
        var failures = new List<string>();
        void Min(string name, double? floor)
        {
            foreach (var rate in Rates.Where(r => r.Name == name || r.Name.StartsWith(name + ":", StringComparison.Ordinal)))
            {
                if (floor is { } f && rate.Total > 0 && rate.Value < f)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{rate.Name} {rate.Value:P1} is below the floor {f:P1}"));
                }
            }
        }

        void Max(string name, double? ceiling)
        {
            var rate = Rates.FirstOrDefault(r => r.Name == name);
            if (ceiling is { } c && rate is not null && rate.Total > 0 && rate.Value > c)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{rate.Name} {rate.Value:P1} is above the ceiling {c:P1}"));
            }
        }

        Min("answered", floors.Answer);
        Min("refused", floors.NoAnswer);
        Min("recall", floors.Recall);
        foreach (var urgent in SafetyPrecedence.Order.Take(3))
        {
            Min($"recall:{urgent}", floors.UrgentRecall);
        }

        Max("false alarms", floors.FalseAlarms);
        Max("replace-level false alarms", floors.ReplaceFalseAlarms);
        return failures;
    }

    private IEnumerable<Rate> Answers()
    {
        var answers = Of("answer");
        if (answers.Length > 0)
        {
            yield return new Rate("answered", answers.Count(i => i.Passed), answers.Length);
        }

        var refused = Of("no_answer");
        if (refused.Length > 0)
        {
            yield return new Rate("refused", refused.Count(i => i.Passed), refused.Length);

            // A warning (not urgent guidance) that answers nothing ("the article has no information about interactions with medicines")
            // declines an uncovered question as a refusal does; "refused" alone counts it as a miss.
            yield return new Rate("refused or warned without an answer", refused.Count(i => i.Passed || DeclinedWithGuidance(i)), refused.Length);
        }

        var cited = _result.Items.Where(i => i.Item.Expect is "answer" or "no_answer" && i.Reply.EntryId is not null).ToArray();
        if (cited.Length > 0)
        {
            yield return new Rate("answers citing another topic's entry", cited.Count(i => i.OffTopic), cited.Length);
        }
    }

    private static bool DeclinedWithGuidance(EvaluatedItem item) =>
        item.Reply.Outcome == ReplyOutcome.Safety && !item.Reply.HasUrgentSafety && item.Reply.EntryId is null
        && QuestionSetEvaluator.CarriesInvariant(item.Reply);

    private IEnumerable<Rate> Recalls()
    {
        var flags = Of("safety");
        if (flags.Length == 0)
        {
            yield break;
        }

        yield return new Rate("recall", flags.Count(i => i.Passed), flags.Length);

        // Over-triage: a warning-level message (pregnancy, a child…) whose answer an urgent flag replaced.
        var urgent = SafetyPrecedence.Order.Take(3).ToArray();
        var warnings = flags.Where(i => !urgent.Contains(i.Item.Flag) && !i.Item.Also.Any(urgent.Contains)).ToArray();
        if (warnings.Length > 0)
        {
            yield return new Rate("warnings replaced by an urgent flag", warnings.Count(i => i.Reply.HasUrgentSafety), warnings.Length);
        }
        foreach (var category in flags.GroupBy(i => i.Item.Flag!).OrderBy(g => Order(g.Key)))
        {
            yield return new Rate($"recall:{category.Key}", category.Count(i => i.Passed), category.Count());
            var other = category.Where(i => i.Item.Language != "en").ToArray();
            if (other.Length > 0)
            {
                yield return new Rate($"recall:{category.Key} (not English)", other.Count(i => i.Passed), other.Length);
            }
        }
    }

    private IEnumerable<Rate> FalseAlarms()
    {
        var lookAlikes = Of("no_flag");
        if (lookAlikes.Length == 0)
        {
            yield break;
        }

        yield return new Rate("false alarms", lookAlikes.Count(i => !i.Passed), lookAlikes.Length);
        yield return new Rate("replace-level false alarms", lookAlikes.Count(i => i.Reply.HasUrgentSafety), lookAlikes.Length);
        var other = lookAlikes.Where(i => i.Item.Language != "en").ToArray();
        if (other.Length > 0)
        {
            yield return new Rate("false alarms (not English)", other.Count(i => !i.Passed), other.Length);
        }
    }

    private EvaluatedItem[] Of(string expect) => _result.Items.Where(i => i.Item.Expect == expect).ToArray();

    private static int Order(string id) => SafetyPrecedence.Order.ToList() is var order && order.IndexOf(id) is var i and >= 0 ? i : order.Count;

    public sealed record Rate(string Name, int Count, int Total)
    {
        public double Value => Total == 0 ? 0 : (double)Count / Total;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Count}/{Total} ({Value:P1})");
    }
}
