namespace ChatBot.Core.Evaluation;

/// <summary>How one question set fared: per expected outcome, how many passed; and every item with its reply.</summary>
public sealed record EvaluationResult(IReadOnlyList<EvaluatedItem> Items)
{
    public (int Passed, int Total) Score(string expect)
    {
        var group = Items.Where(i => i.Item.Expect == expect).ToArray();
        return (group.Count(i => i.Passed), group.Length);
    }

    public double Rate(string expect)
    {
        var (passed, total) = Score(expect);
        return total == 0 ? 1 : (double)passed / total;
    }
}
