using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Answering;

public sealed class AnswerEngineExtensionsTests
{
    private readonly IAnswerEngine _engine = TestKnowledge.Engine(RetrievalMode.Lexical);

    [Fact]
    public void A_throwing_call_becomes_the_error_notice_with_caveats_and_is_reported()
    {
        Exception? reported = null;

        var reply = _engine.ReplyOrErrorNotice(_ => throw new InvalidOperationException("bug"), e => reported = e);

        Assert.Equal(ReplyOutcome.Notice, reply.Outcome);
        Assert.Equal(_engine.Notice(NoticeKind.Error).Message, reply.Message);
        Assert.True(QuestionSetEvaluator.CarriesInvariant(reply));
        Assert.IsType<InvalidOperationException>(reported);
    }

    [Fact]
    public void A_working_call_passes_its_reply_through()
    {
        var reply = _engine.ReplyOrErrorNotice(e => e.Ask("side effects?", new AskContext("test")), _ => Assert.Fail("nothing to report"));

        Assert.Equal("side-effects", reply.EntryId);
    }
}
