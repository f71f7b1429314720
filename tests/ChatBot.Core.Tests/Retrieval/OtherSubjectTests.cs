using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class OtherSubjectTests
{
    private static readonly NotCoveredTopic Remedies = new("other-remedies", "other remedies", ["valerian side effects"]) { Names = ["valerian", "valerian root", "chamomile"] };

    private static readonly OtherSubject Rule = new([Remedies], "magnesium l-threonate");

    [Theory]
    [InlineData("is valerian root safe to take every night")]
    [InlineData("does chamomile tea have caffeine")]
    [InlineData("what dose of valerian should i start with")]
    public void A_question_naming_only_another_remedy_is_about_that_remedy(string question) =>
        Assert.Same(Remedies, Rule.Of(question)?.Topic);

    [Theory]
    [InlineData("should i try valerian first")]
    [InlineData("is chamomile better for sleep")]
    [InlineData("valerian or magnesium l-threonate")]
    [InlineData("can i take it with valerian")]
    [InlineData("is valerian safe with my nightly capsule")]
    [InlineData("what does the article say about chamomile")]
    [InlineData("is chamomile tea just as good")]
    [InlineData("does magnesium l-threonate help you sleep")]
    [InlineData("is valerian safe to take alongside threonate")]
    public void A_question_that_brings_the_subject_back_or_compares_is_left_to_the_scores(string question) =>
        Assert.Null(Rule.Of(question));

    [Fact]
    public void Topics_without_names_never_claim_a_question() =>
        Assert.Null(new OtherSubject([new NotCoveredTopic("x", "x", ["x"])], "").Of("is valerian safe"));

    [Theory]
    [InlineData("is valerian root safe to take every night", ReplyOutcome.NoAnswer)]
    [InlineData("should I try valerian before magtein?", ReplyOutcome.Answer)]
    public void The_shipped_engine_refuses_questions_about_other_remedies_themselves(string question, ReplyOutcome outcome) =>
        Assert.Equal(outcome, TestKnowledge.Engine(RetrievalMode.Semantic).Ask(question, new AskContext("test")).Outcome);
}
