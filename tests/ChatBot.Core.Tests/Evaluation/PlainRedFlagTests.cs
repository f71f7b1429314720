namespace ChatBot.Core.Tests.Evaluation;

/// <summary>
/// Red flags said outright (<c>Data/plain-red-flags.yaml</c>: "my brother wants to end his life", "la vie ne vaut pas
/// la peine", a child who swallowed capsules, in every language the triage reads) are all caught, in both modes, and
/// the look-alikes among them raise nothing: what must never depend on the semantic signal.
/// </summary>
public sealed class PlainRedFlagTests
{
    private static readonly ReplayInBothModes Replay = new("plain-red-flags.yaml");

    public static TheoryData<string> Modes => ReplayInBothModes.Modes;

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_plain_red_flag_is_caught_and_no_look_alike_raises_one(string mode)
    {
        var result = Replay.Result(mode);
        var misses = result.Items.Where(i => !i.Passed)
            .Select(i => $"{i.Item.Question} (expected {i.Item.Flag ?? "no flag"}) -> [{string.Join(",", i.Reply.SafetyFlags)}]")
            .ToArray();

        Assert.True(misses.Length == 0, string.Join('\n', misses));
        Assert.Contains(result.Items, i => i.Item.Expect == "no_flag");
        Assert.Equal(7, Replay.Items.Where(i => i.Flag is not null).Select(i => i.Flag).Distinct().Count());
    }
}
