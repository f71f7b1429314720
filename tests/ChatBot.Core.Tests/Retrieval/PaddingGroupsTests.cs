using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class PaddingGroupsTests
{
    [Fact]
    public void Texts_of_one_length_run_together_while_the_budget_allows()
    {
        var runs = PaddingGroups.Of(Enumerable.Repeat(12, 16).ToArray(), budget: 200).ToList();

        Assert.Equal([16], runs.Select(r => r.Length));
    }

    [Fact]
    public void A_long_text_runs_apart_from_the_short_ones_it_would_pad()
    {
        int[] lengths = [10, 90, 11, 12, 10];

        var runs = PaddingGroups.Of(lengths, budget: 200).ToList();

        Assert.Equal([[0, 4, 2, 3], [1]], runs);
    }

    [Fact]
    public void Every_text_runs_once_and_no_run_of_several_passes_the_budget()
    {
        var random = new Random(7);
        var lengths = Enumerable.Range(0, 500).Select(_ => random.Next(3, 300)).ToArray();

        var runs = PaddingGroups.Of(lengths, budget: 200).ToList();

        Assert.Equal(Enumerable.Range(0, lengths.Length), runs.SelectMany(r => r).Order());
        Assert.All(runs.Where(r => r.Length > 1), r => Assert.True(r.Length * r.Max(i => lengths[i]) <= 200));
        Assert.All(runs, r => Assert.Equal(r.Select(i => lengths[i]).Order(), r.Select(i => lengths[i])));
    }
}
