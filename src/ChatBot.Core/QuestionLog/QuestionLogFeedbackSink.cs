using ChatBot.Core.Feedback;

namespace ChatBot.Core.QuestionLog;

/// <summary>Queues 👍/👎 for the log, linked to the reply id. Like the observer, it never waits and never throws for storage.</summary>
public sealed class QuestionLogFeedbackSink(QuestionLogQueue queue, UserIdHasher hasher) : IFeedbackSink
{
    public ValueTask RecordAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        queue.TryAdd(new LoggedVote(
            record.At,
            record.Platform,
            hasher.Hash(record.Platform, record.UserId),
            record.ReplyId,
            record.EntryId,
            record.Helpful));
        return ValueTask.CompletedTask;
    }
}
