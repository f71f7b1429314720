using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Answering;

/// <summary>Small talk, terse questions, dose questions, and two related entries answered together.</summary>
public sealed class AnswerShapesTests
{
    private static Reply Ask(string question) => TestKnowledge.Engine(RetrievalMode.Semantic).Ask(question, new AskContext("test"));

    [Theory]
    [InlineData("hi", "greeting")]
    [InlineData("thanks!", "thanks")]
    [InlineData("are you a doctor?", "doctor")]
    public void Small_talk_gets_a_short_reply_with_caveats_and_doctor_advice(string message, string intent)
    {
        var reply = Ask(message);

        Assert.Equal(intent, reply.Intent);
        Assert.Equal(ReplyOutcome.Notice, reply.Outcome);
        Assert.NotEmpty(reply.Caveats);
        Assert.Contains(reply.DoctorAdvice, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("doesn't cover", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tell me a joke")]
    [InlineData("can i bring my supplements through airport security")]
    public void A_request_closer_to_a_known_gap_than_to_small_talk_is_not_taken_for_small_talk(string message)
    {
        var reply = Ask(message);

        Assert.Null(reply.Intent);
        Assert.Equal(ReplyOutcome.NoAnswer, reply.Outcome);
    }

    [Theory]
    [InlineData("how much mgt should i take for sleep?")]
    [InlineData("whats the right dose of magteine")]
    public void Dose_questions_get_the_study_dose_and_no_recommendation(string question)
    {
        var reply = Ask(question);

        Assert.Equal(ReplyOutcome.Answer, reply.Outcome);
        Assert.Contains("1,500-2,000 mg", reply.Answer, StringComparison.Ordinal);
        Assert.Contains("not", reply.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("safe?", "is-it-safe")]
    [InlineData("timing?", "when-to-take")]
    public void Terse_questions_get_the_nearest_topic(string question, string entry) =>
        Assert.Equal(entry, Ask(question).EntryId);

    [Fact]
    public void Is_it_safe_names_kidney_disease_in_the_answer_itself() =>
        Assert.Contains("kidney disease", Ask("is magnesium threonate safe?").Answer, StringComparison.Ordinal);

    [Fact]
    public void A_companion_entry_is_answered_with_its_own_citations()
    {
        var knowledge = TestKnowledge.Load();
        var composer = new ReplyComposer(knowledge);

        var reply = composer.Answer(knowledge.Find("how-much-to-take")!, 0.8, [], knowledge.Find("study-dose"));

        Assert.Equal("study-dose", reply.CompanionEntryId);
        Assert.Contains(knowledge.Find("study-dose")!.Question, reply.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Related, r => r.EntryId == "study-dose");
        Assert.Equal(reply.Citations.Select(c => c.Quote).Distinct().Count(), reply.Citations.Count);
    }
}
