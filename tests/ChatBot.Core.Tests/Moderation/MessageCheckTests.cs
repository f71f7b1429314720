using ChatBot.Core.Moderation;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Moderation;

public sealed class MessageCheckTests
{
    [Fact]
    public void A_refusal_shows_the_known_gap_phrasing_it_matched()
    {
        var snapshot = TestKnowledge.ShippedStore(RetrievalMode.Semantic).Current;

        var check = MessageCheck.Describe(snapshot, "how much magnesium citrate should I be taking?");

        Assert.Contains("Outcome: noanswer", check, StringComparison.Ordinal);
        Assert.Contains("Closest known gap: other-supplements", check, StringComparison.Ordinal);
        Assert.Contains("(closest phrasing \"how much magnesium citrate should i take\")", check, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_by_name_says_which_name_decided_it()
    {
        var snapshot = TestKnowledge.ShippedStore(RetrievalMode.Semantic).Current;

        var check = MessageCheck.Describe(snapshot, "is ashwagandha any good for sleep?");

        Assert.Contains("Outcome: noanswer", check, StringComparison.Ordinal);
        Assert.Contains("Known gap by name: other-remedies (the question names \"ashwagandha\"", check, StringComparison.Ordinal);
    }
}
