using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Answering;

/// <summary>A question in another language that retrieval does not understand as written is answered through its English reading.</summary>
public sealed class ReadInEnglishTests
{
    private static readonly string Heading = TestKnowledge.Load().Bot.Messages.ReadInEnglish;

    private static string HeadingStart => Heading[..Heading.IndexOf("{0}", StringComparison.Ordinal)];

    [Theory]
    [InlineData(RetrievalMode.Semantic, "Quanto tempo demora para fazer efeito?", "how-long-to-work")]
    [InlineData(RetrievalMode.Lexical, "Quanto tempo demora para fazer efeito?", "how-long-to-work")]
    [InlineData(RetrievalMode.Semantic, "Ist es sicher, das jeden Tag zu nehmen?", "daily-long-term-use")]
    [InlineData(RetrievalMode.Semantic, "Какие побочные эффекты у треоната магния?", "side-effects")]
    [InlineData(RetrievalMode.Lexical, "Какие побочные эффекты у треоната магния?", "side-effects")]
    [InlineData(RetrievalMode.Semantic, "副作用はありますか？", "side-effects")]
    // "treonato de magnesio" reads "threonate of magnesium": the product, not a comparison with other magnesium
    [InlineData(RetrievalMode.Semantic, "¿El treonato de magnesio de verdad ayuda a dormir?", "does-it-help-sleep")]
    // German that the language guess takes for English ("was" is English too), read because the glossary knows nearly all of it
    [InlineData(RetrievalMode.Semantic, "Was ist BDNF? Der Artikel sagt etwas über neue Gehirnzellen", "bdnf-new-brain-cells")]
    [InlineData(RetrievalMode.Lexical, "Was ist BDNF? Der Artikel sagt etwas über neue Gehirnzellen", "bdnf-new-brain-cells")]
    // Japanese typed in Latin letters (romaji), read word by word through the ja section of the glossary
    [InlineData(RetrievalMode.Semantic, "magtein wa itsu nomeba ii desu ka?", "when-to-take")]
    [InlineData(RetrievalMode.Lexical, "magtein wa itsu nomeba ii desu ka?", "when-to-take")]
    public void Is_answered_from_the_entry_its_reading_matches_and_shows_the_reading(RetrievalMode mode, string question, string entryId)
    {
        var reply = TestKnowledge.Engine(mode).Ask(question, new AskContext("test"));

        Assert.Equal(ReplyOutcome.Answer, reply.Outcome);
        Assert.Equal(entryId, reply.EntryId);
        Assert.StartsWith(HeadingStart, reply.Message, StringComparison.Ordinal);
        Assert.NotEmpty(reply.Caveats);
        Assert.NotEmpty(reply.DoctorAdvice);
    }

    [Fact]
    public void The_reading_is_embedded_in_the_same_model_call_as_the_message()
    {
        var model = new CountingEmbedder();
        var store = TestKnowledge.Store(RetrievalMode.Semantic, embedder: model);
        var engine = new AnswerEngine(store, new NullQuestionObserver());
        _ = store.Current;
        var calls = model.Calls;

        var reply = engine.Ask("Quanto tempo demora para fazer efeito?", AskContext.Console);

        Assert.StartsWith(HeadingStart, reply.Message, StringComparison.Ordinal);
        Assert.Equal(1, model.Calls - calls);
    }

    [Fact]
    public void An_english_question_is_answered_without_a_reading()
    {
        var reply = TestKnowledge.Engine(RetrievalMode.Semantic).Ask("what are the side effects of magnesium l-threonate?", new AskContext("test"));

        Assert.Equal(ReplyOutcome.Answer, reply.Outcome);
        Assert.DoesNotContain(HeadingStart, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_english_question_a_glossary_happens_to_know_is_not_read_as_another_language()
    {
        // Hindi typed in Latin letters uses "best" and "brand" too: three words are too few to take English for Hindi.
        var reply = TestKnowledge.Engine(RetrievalMode.Semantic).Ask("best threonate brand?", new AskContext("test"));

        Assert.DoesNotContain(HeadingStart, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reading_the_article_does_not_cover_still_gets_the_english_only_note()
    {
        var reply = TestKnowledge.Engine(RetrievalMode.Semantic).Ask("¿Dónde puedo comprar treonato de magnesio más barato en México?", new AskContext("test"));

        Assert.Equal(ReplyOutcome.NoAnswer, reply.Outcome);
        Assert.StartsWith(TestKnowledge.Load().Bot.Messages.EnglishOnly, reply.Message, StringComparison.Ordinal);
    }
}
