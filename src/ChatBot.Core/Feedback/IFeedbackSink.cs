namespace ChatBot.Core.Feedback;

/// <summary>Where adapters report 👍/👎 clicks. Implementations must not throw into the adapter for storage failures.</summary>
public interface IFeedbackSink
{
    ValueTask RecordAsync(FeedbackRecord record, CancellationToken cancellationToken);
}
