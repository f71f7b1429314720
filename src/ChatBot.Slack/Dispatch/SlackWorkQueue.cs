using System.Threading.Channels;
using ChatBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Dispatch;

/// <summary>
/// The bounded hand-off between the receive loops (which only parse and ack) and the workers.
/// Deduplication happens here, so copies from other sockets and retries never reach a handler.
/// </summary>
public sealed class SlackWorkQueue
{
    private readonly Channel<SlackInbound> _channel;
    private readonly Deduplicator _deduplicator;

    public SlackWorkQueue(IOptions<SlackOptions> options, Deduplicator deduplicator)
    {
        _deduplicator = deduplicator;
        _channel = Channel.CreateBounded<SlackInbound>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelReader<SlackInbound> Reader => _channel.Reader;

    /// <summary>Queues the work unless it is a duplicate; returns false for duplicates.</summary>
    public async ValueTask<bool> EnqueueAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        if (!_deduplicator.FirstTime(inbound.DedupeKeys()))
        {
            return false;
        }

        await _channel.Writer.WriteAsync(inbound, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
