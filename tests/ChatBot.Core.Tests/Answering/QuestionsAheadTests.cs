using System.Text.Json;
using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Answering;

public sealed class QuestionsAheadTests
{
    /// <summary>Short and long, English and not, calm and urgent: every kind of text a message embeds.</summary>
    private static readonly string[] Queued =
    [
        "how much mgt should i take for sleep, asked while others wait",
        "side effects of magnesium threonate when queued?",
        "I have been taking magnesium for a month now and at first it helped a lot. Then I started waking at 3am again. My friend says it stops working after a while. Should I take more of it at night or stop for a week?",
        "¿puedo tomar magnesio con alcohol mientras espero?",
        "my dad took the whole bottle and he won't wake up, we are in a queue",
        "hi there from the queue",
    ];

    [Fact]
    public void Questions_waiting_in_a_queue_are_embedded_in_one_model_call_and_then_need_none()
    {
        var model = new CountingEmbedder();
        var store = TestKnowledge.Store(RetrievalMode.Semantic, embedder: model);
        var ahead = new QuestionsAhead();
        var engine = new AnswerEngine(store, new NullQuestionObserver(), ahead);
        var before = model.Calls;
        foreach (var question in Queued)
        {
            ahead.Expect(question);
        }

        engine.Ask(Queued[0], AskContext.Console);
        Assert.Equal(1, model.Calls - before);
        foreach (var question in Queued.Skip(1))
        {
            engine.Ask(question, AskContext.Console);
        }

        Assert.Equal(1, model.Calls - before);
        Assert.Equal(0, ahead.Waiting);
    }

    [Fact]
    public void Replies_are_the_same_with_questions_embedded_ahead_as_asked_alone()
    {
        var store = TestKnowledge.Store(RetrievalMode.Semantic);
        var ahead = new QuestionsAhead();
        var engine = new AnswerEngine(store, new NullQuestionObserver(), ahead);
        var alone = TestKnowledge.Engine(RetrievalMode.Semantic);
        foreach (var question in Queued)
        {
            ahead.Expect(question);
        }

        foreach (var question in Queued)
        {
            Assert.Equal(Shown(alone.Ask(question, AskContext.Console)), Shown(engine.Ask(question, AskContext.Console)));
        }
    }

    [Fact]
    public void A_question_with_nothing_waiting_goes_to_the_model_alone()
    {
        var model = new CountingEmbedder();
        var store = TestKnowledge.Store(RetrievalMode.Semantic, embedder: model);
        var engine = new AnswerEngine(store, new NullQuestionObserver(), new QuestionsAhead());
        var (calls, texts) = (model.Calls, model.Texts);

        engine.Ask("how much mgt should i take for sleep, asked alone", AskContext.Console);

        Assert.Equal(1, model.Calls - calls);
        Assert.Equal(1, model.Texts - texts);
    }

    [Fact]
    public void In_lexical_mode_waiting_questions_are_let_go()
    {
        var ahead = new QuestionsAhead();
        var engine = new AnswerEngine(TestKnowledge.ShippedStore(RetrievalMode.Lexical), new NullQuestionObserver(), ahead);
        ahead.Expect("side effects?");

        engine.Ask("how much should i take?", AskContext.Console);

        Assert.Equal(0, ahead.Waiting);
    }

    /// <summary>All a reply carries but its own id, which is new for every reply.</summary>
    private static string Shown(Reply reply) => JsonSerializer.Serialize(reply with { Id = "" });
}
