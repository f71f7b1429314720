using System.Collections.Concurrent;

namespace ChatBot.Core.Feedback;

/// <summary>Keeps the most recent feedback in memory. The default until a persistent log is configured.</summary>
public sealed class InMemoryFeedbackSink : IFeedbackSink
{
    private const int Capacity = 10_000;
    private readonly ConcurrentQueue<FeedbackRecord> _records = new();

    public IReadOnlyCollection<FeedbackRecord> Records => _records.ToArray();

    public ValueTask RecordAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        _records.Enqueue(record);
        while (_records.Count > Capacity && _records.TryDequeue(out _))
        {
        }

        return ValueTask.CompletedTask;
    }
}
