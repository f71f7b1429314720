using ChatBot.Core.Answering;
using ChatBot.Core.Conversations;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Conversations;

/// <summary>Fair use and follow-ups as every adapter gets them, on the shipped knowledge (lexical, for speed).</summary>
public sealed class QuestionDeskTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly QuestionDesk _desk;

    public QuestionDeskTests()
    {
        var engine = TestKnowledge.Engine(RetrievalMode.Lexical);
        _desk = new QuestionDesk(
            engine,
            new FairUseLimiter(Options.Create(new FairUseOptions()), _time),
            new ConversationMemory(Options.Create(new ConversationOptions()), _time),
            new ChatBot.Core.Operations.ChatBotMetrics(new ChatBot.Core.Delivery.SendLanes()),
            Options.Create(new ConversationOptions()),
            _time);
    }

    private static AskContext In(string user, string conversation = "discord:dm1") =>
        new("discord", user, false) { Channel = conversation, Conversation = conversation };

    [Fact]
    public void Source_after_an_answer_shows_that_answers_quotes_in_full()
    {
        var answer = _desk.Ask("what are the side effects?", In("u1"))!;

        var sources = _desk.Ask("source?", In("u1"))!;

        Assert.Equal("side-effects", answer.EntryId);
        Assert.Contains("Where the answer to", sources.Message, StringComparison.Ordinal);
        Assert.Equal(answer.Citations.Select(c => c.Quote), sources.Citations.Select(c => c.Quote));
        Assert.True(QuestionSetEvaluator.CarriesInvariant(sources));
    }

    [Fact]
    public void Tell_me_more_lists_the_related_questions_of_the_previous_answer()
    {
        var answer = _desk.Ask("what are the side effects?", In("u1"))!;

        var more = _desk.Ask("tell me more", In("u1"))!;

        Assert.Equal(answer.Related.Select(r => r.EntryId), more.Related.Select(r => r.EntryId));
        Assert.NotEmpty(more.Related);
    }

    [Fact]
    public void A_follow_up_from_someone_else_or_after_the_window_is_read_alone()
    {
        _desk.Ask("what are the side effects?", In("u1"));

        var otherUser = _desk.Ask("source?", In("u2"))!;
        _time.Advance(TimeSpan.FromMinutes(11));
        var late = _desk.Ask("source?", In("u1"))!;

        Assert.Empty(otherUser.Citations);
        Assert.Equal("source", otherUser.Intent);
        Assert.Empty(late.Citations);
    }

    [Fact]
    public void A_short_question_that_needs_the_previous_one_is_answered_as_the_combination_and_says_so()
    {
        _desk.Ask("how much mgt should i take?", In("u1"));

        var reply = _desk.Ask("what about for kids?", In("u1"))!;

        Assert.Equal("how much mgt should i take?", reply.ReadWith);
        Assert.Contains("Read together with your previous question", reply.Message, StringComparison.Ordinal);
        Assert.Contains("child", reply.SafetyFlags);
    }

    [Fact]
    public void Context_never_removes_a_red_flag_of_the_new_message()
    {
        _desk.Ask("what are the side effects?", In("u1"));

        var reply = _desk.Ask("i took the whole bottle", In("u1"))!;

        Assert.True(reply.HasUrgentSafety);
    }

    [Fact]
    public void Over_the_limit_one_notice_then_silence_but_an_urgent_red_flag_is_always_answered()
    {
        var replies = Enumerable.Range(0, 5).Select(i => _desk.Ask($"what are the side effects? ({i})", In("flooder", "discord:busy"))).ToArray();
        var urgent = _desk.Ask("my husband took the whole bottle and won't wake up", In("flooder", "discord:busy"));

        Assert.All(replies[..3], r => Assert.False(r!.Limited));
        Assert.True(replies[3]!.Limited);
        Assert.Contains("try again in 12 s", replies[3]!.Message, StringComparison.Ordinal);
        Assert.True(QuestionSetEvaluator.CarriesInvariant(replies[3]!));
        Assert.Null(replies[4]);
        Assert.True(urgent!.HasUrgentSafety);
    }

    [Fact]
    public void An_urgent_message_answered_over_the_limit_does_not_use_up_the_notice()
    {
        for (var i = 0; i < 3; i++)
        {
            _desk.Ask($"side effects? ({i})", In("u1"));
        }

        var urgent = _desk.Ask("i took the whole bottle", In("u1"));
        var next = _desk.Ask("side effects?", In("u1"));

        Assert.True(urgent!.HasUrgentSafety);
        Assert.True(next!.Limited);
    }

    [Fact]
    public void A_combined_follow_up_keeps_the_first_question_as_the_topic()
    {
        _desk.Ask("how much mgt should i take?", In("u1"));
        _desk.Ask("what about for kids?", In("u1"));

        var again = _desk.Ask("and for teens?", In("u1"))!;

        Assert.Equal("how much mgt should i take?", again.ReadWith);
    }

    [Fact]
    public void A_slash_command_over_the_limit_gets_the_notice_again_rather_than_silence()
    {
        var context = In("u1") with { MustReply = true };
        var replies = Enumerable.Range(0, 6).Select(_ => _desk.Ask("side effects?", context)).ToArray();

        Assert.All(replies[3..], r => Assert.True(r!.Limited));
    }

    [Fact]
    public void Moderators_are_not_limited()
    {
        var context = In("mod") with { Exempt = true };

        Assert.All(Enumerable.Range(0, 10).Select(_ => _desk.Ask("side effects?", context)), r => Assert.False(r!.Limited));
    }
}
