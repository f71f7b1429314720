using ChatBot.Core.Answering;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.QuestionLog;

/// <summary>
/// Turns every answered question into a <see cref="LoggedQuestion"/> and queues it. Runs on the reply
/// path, so it only hashes and enqueues: it never waits and never throws.
/// </summary>
public sealed class QuestionLogObserver(
    QuestionLogQueue queue,
    UserIdHasher hasher,
    IOptions<QuestionLogOptions> options,
    TimeProvider time) : IQuestionObserver
{
    /// <summary>The host's warm-up question is not a user's question.</summary>
    private const string WarmUpPlatform = "startup";

    private readonly bool _storeSafetyText = options.Value.StoreSafetyText;

    public void Answered(AnsweredQuestion question)
    {
        try
        {
            if (question.Context.Platform == WarmUpPlatform)
            {
                return;
            }

            var reply = question.Reply;
            var flags = reply.SafetyFlags;
            queue.TryAdd(new LoggedQuestion(
                time.GetUtcNow(),
                question.Context.Platform,
                reply.Tied ? LoggedQuestion.ClarifyOutcome : LoggedQuestion.OutcomeName(reply.Outcome),
                reply.EntryId,
                reply.Confidence,
                reply.KnowledgeVersion,
                flags,
                reply.Id,
                hasher.Hash(question.Context.Platform, question.Context.UserId),
                flags.Count > 0 && !_storeSafetyText ? null : question.Question));
        }
        catch (Exception)
        {
            // The reply must go out whatever happens to its log record; the loss is counted and reported.
            queue.CountDropped();
        }
    }
}
