using ChatBot.Core.Moderation;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Moderation;

public sealed class MessageCheckTests
{
    [Fact]
    public void A_refusal_shows_the_known_gap_phrasing_it_matched()
    {
        var snapshot = TestKnowledge.ShippedStore(RetrievalMode.Semantic).Current;

        var check = MessageCheck.Describe(snapshot, "is ashwagandha any good for sleep?");

        Assert.Contains("Outcome: noanswer", check, StringComparison.Ordinal);
        Assert.Contains("Closest known gap: other-supplements", check, StringComparison.Ordinal);
        Assert.Contains("(closest phrasing \"does ashwagandha help you sleep\")", check, StringComparison.Ordinal);
    }
}
