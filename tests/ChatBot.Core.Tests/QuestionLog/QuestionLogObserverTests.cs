using ChatBot.Core.Answering;
using ChatBot.Core.QuestionLog;
using ChatBot.Core.Replies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.QuestionLog;

public sealed class QuestionLogObserverTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Answered_records_every_field_with_a_hashed_user_id()
    {
        var queue = new QuestionLogQueue(100);
        Observer(queue).Answered(new AnsweredQuestion("what dose?", new AskContext("discord", "123456789"), Reply(ReplyOutcome.Answer)));

        Assert.True(queue.Reader.TryRead(out var record));
        var question = Assert.IsType<LoggedQuestion>(record);
        Assert.Equal(("discord", "answer", "dose", 0.7, "v1", "abcdef0123456789", "what dose?"),
            (question.Platform, question.Outcome, question.EntryId, question.Confidence, question.KnowledgeVersion, question.ReplyId, question.Question));
        Assert.NotNull(question.UserHash);
        Assert.DoesNotContain("123456789", question.UserHash, StringComparison.Ordinal);
    }

    [Fact]
    public void Answered_withholds_the_text_of_a_safety_flagged_question_by_default()
    {
        var queue = new QuestionLogQueue(100);
        Observer(queue).Answered(new AnsweredQuestion("I have chest pain", new AskContext("slack", "U1"), Reply(ReplyOutcome.Safety, "emergency")));

        var question = Assert.IsType<LoggedQuestion>(Read(queue));
        Assert.Null(question.Question);
        Assert.Equal(["emergency"], question.SafetyFlags);
    }

    [Fact]
    public void Answered_keeps_safety_flagged_text_when_configured_to()
    {
        var queue = new QuestionLogQueue(100);
        Observer(queue, storeSafetyText: true).Answered(new AnsweredQuestion("I have chest pain", new AskContext("slack"), Reply(ReplyOutcome.Safety, "emergency")));

        Assert.Equal("I have chest pain", Assert.IsType<LoggedQuestion>(Read(queue)).Question);
    }

    [Fact]
    public void Answered_with_a_full_queue_drops_and_counts_without_throwing()
    {
        var queue = new QuestionLogQueue(1);
        var observer = Observer(queue);
        for (var i = 0; i < 5; i++)
        {
            observer.Answered(new AnsweredQuestion("q", new AskContext("console"), Reply(ReplyOutcome.NoAnswer)));
        }

        Assert.Equal(1, queue.Count);
        Assert.Equal(4, queue.TakeDropped());
    }

    [Fact]
    public void An_answer_to_two_tied_entries_is_logged_as_a_clarify_so_moderators_see_it_in_the_gaps()
    {
        var queue = new QuestionLogQueue(10);
        Observer(queue).Answered(new AnsweredQuestion("dose or timing?", new AskContext("discord", "1"), Reply(ReplyOutcome.Answer) with { Tied = true }));

        Assert.Equal(LoggedQuestion.ClarifyOutcome, Assert.IsType<LoggedQuestion>(Read(queue)).Outcome);
    }

    [Fact]
    public void The_hosts_warm_up_question_is_not_logged()
    {
        var queue = new QuestionLogQueue(10);
        Observer(queue).Answered(new AnsweredQuestion("warm-up", new AskContext("startup"), Reply(ReplyOutcome.Answer)));

        Assert.Equal(0, queue.Count);
    }

    private static QuestionLogRecord Read(QuestionLogQueue queue) =>
        queue.Reader.TryRead(out var record) ? record : throw new InvalidOperationException("nothing queued");

    private static QuestionLogObserver Observer(QuestionLogQueue queue, bool storeSafetyText = false)
    {
        var options = Options.Create(new QuestionLogOptions { UserIdKey = Key, StoreSafetyText = storeSafetyText });
        return new QuestionLogObserver(queue, new UserIdHasher(options, NullLogger<UserIdHasher>.Instance), options, TimeProvider.System);
    }

    private static Reply Reply(ReplyOutcome outcome, params string[] flags) => new()
    {
        Id = "abcdef0123456789",
        Outcome = outcome,
        EntryId = outcome == ReplyOutcome.Answer ? "dose" : null,
        Confidence = 0.7,
        KnowledgeVersion = "v1",
        Safety = flags.Select(f => new SafetyNotice(f, f, "see a doctor", true)).ToArray(),
        Caveats = ["caveat"],
        DoctorAdvice = "ask a doctor",
        Text = "text",
    };
}
