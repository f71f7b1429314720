using ChatBot.Core.Retrieval;
using ChatBot.Core.Safety;
using ChatBot.Core.Text;

namespace ChatBot.Core.Tests.Safety;

/// <summary>
/// A message of a few sentences, too short to be read clause by clause, is also read sentence by sentence for the
/// categories that ask for it (<c>sentences: true</c>, set on self-harm): a veiled wish next to a harmless question.
/// </summary>
public sealed class SentenceReadingTests
{
    private static SafetyAssessment Assess(string message)
    {
        var snapshot = TestKnowledge.ShippedStore(RetrievalMode.Semantic).Current;
        return snapshot.Triage(QuestionNormalizer.Normalize(message), snapshot.Retriever.NewVectors());
    }

    [Theory]
    [InlineData("meh, mgt hasn't done a thing. maybe i'll just try the sleep you don't come back from 🙃")]
    [InlineData("ok not a sleep question really. what's the best way to just not wake up tomorrow?")]
    public void A_veiled_wish_said_in_one_sentence_of_a_short_message_is_caught(string message)
    {
        var assessment = Assess(message);

        var flag = Assert.Single(assessment.Flags, f => f.Category.Id == "self_harm");
        Assert.Equal(SafetySignal.Example, flag.Signal);
        Assert.True(Assert.Single(assessment.Semantic, e => e.Category == "self_harm").IsClause);
    }

    [Fact]
    public void Only_the_categories_that_ask_for_it_read_sentences()
    {
        var categories = TestKnowledge.Load().Safety;

        Assert.Equal(["self_harm"], categories.Where(c => c.BySentence).Select(c => c.Id));
    }

    [Fact]
    public void A_short_message_is_read_whole_and_by_sentence_but_never_split_at_its_conjunctions()
    {
        const string message = "thanks, that helps. taking my two caps now and off to bed, night all";

        Assert.Equal([message, "thanks, that helps.", "taking my two caps now and off to bed, night all"], SafetyClauses.Of(message));
    }

    [Fact]
    public void A_message_too_short_for_two_sentences_is_read_whole() =>
        Assert.Equal(["is 3 caps too much? just asking"], SafetyClauses.Of("is 3 caps too much? just asking"));
}
