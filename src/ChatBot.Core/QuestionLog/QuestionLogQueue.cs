using System.Threading.Channels;

namespace ChatBot.Core.QuestionLog;

/// <summary>
/// The bounded hand-off between the reply path and the writer. Adding never waits: when the queue is
/// full the record is dropped and counted, so a slow or dead store cannot slow a reply.
/// </summary>
public sealed class QuestionLogQueue
{
    private readonly Channel<QuestionLogRecord> _channel;
    private long _dropped;
    private long _droppedTotal;

    public QuestionLogQueue(int capacity)
    {
        _channel = Channel.CreateBounded<QuestionLogRecord>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<QuestionLogRecord> Reader => _channel.Reader;

    public int Count => _channel.Reader.Count;

    public bool TryAdd(QuestionLogRecord record)
    {
        if (_channel.Writer.TryWrite(record))
        {
            return true;
        }

        CountDropped();
        return false;
    }

    public void CountDropped()
    {
        Interlocked.Increment(ref _dropped);
        Interlocked.Increment(ref _droppedTotal);
    }

    /// <summary>Records dropped since start (for the metrics).</summary>
    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    /// <summary>Records dropped because the queue was full since the last call.</summary>
    public long TakeDropped() => Interlocked.Exchange(ref _dropped, 0);

    /// <summary>No more records will be accepted; the writer drains what is left.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
