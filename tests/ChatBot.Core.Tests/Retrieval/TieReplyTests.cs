using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

/// <summary>Two unrelated entries that score alike: both answered by default, or the asker chooses.</summary>
public sealed class TieReplyTests
{
    private const string Question = "does it help blood sugar and insulin, and does it help memory";

    private static MatchDecision Decide(TieReply ties) =>
        new Retriever(
            TestKnowledge.Load(),
            new RetrievalOptions { Mode = RetrievalMode.Lexical, CachePath = "", ClarifyMargin = 1.0, Ties = ties },
            cache: null).Decide(Question);

    [Fact]
    public void A_tie_is_answered_with_both_entries()
    {
        var decision = Decide(TieReply.AnswerBoth);

        Assert.Equal(MatchKind.Answer, decision.Kind);
        Assert.NotNull(decision.Companion);
        Assert.Equal(decision.Candidates[1].Entry.Id, decision.Companion!.Id);
        Assert.DoesNotContain(decision.Companion.Id, decision.Candidates[0].Entry.Related);
        Assert.True(decision.IsTie);
    }

    [Fact]
    public void A_tie_asks_which_was_meant_when_so_configured()
    {
        var decision = Decide(TieReply.AskWhich);

        Assert.Equal(MatchKind.Clarify, decision.Kind);
        Assert.Null(decision.Companion);
    }
}
