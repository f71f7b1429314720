using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

/// <summary>A short question at the end of a long message is read with the sentence before it, which can lend it a subject but not an answer.</summary>
public sealed class QuestionInContextTests
{
    private static Reply Ask(string question) =>
        TestKnowledge.Engine(RetrievalMode.Semantic).Ask(question, new AskContext("test"));

    [Fact]
    public void A_question_about_the_sentence_before_it_is_answered_from_that_sentence()
    {
        var reply = Ask("I've tried chamomile, white noise and a new mattress this year and nothing sticks. "
            + "A friend at work keeps saying magnesium threonate fixed her insomnia completely. Is he exaggerating?");

        Assert.Equal("insomnia", reply.EntryId);
    }

    [Fact]
    public void A_question_the_article_does_not_cover_is_not_answered_from_the_sentence_before_it()
    {
        var reply = Ask("Long story short, I moved countries this year and my sleep fell apart. "
            + "My sleep has been great since I started magnesium threonate for insomnia. Does it break a fast?");

        Assert.Null(reply.EntryId);
    }
}
