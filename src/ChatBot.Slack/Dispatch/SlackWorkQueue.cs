using System.Threading.Channels;
using ChatBot.Core.Answering;
using ChatBot.Core.Coordination;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Handling;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Dispatch;

/// <summary>
/// The bounded hand-off between the receive loops (which only parse and ack) and the workers.
/// Deduplication happens here, so copies from other sockets and retries never reach a handler, and each queued
/// question is told to Core (<see cref="QuestionsAhead"/>) so a burst's questions are embedded together.
/// </summary>
public sealed class SlackWorkQueue
{
    private readonly SlackEventHandler _events;
    private readonly QuestionsAhead _ahead;
    private readonly Channel<SlackInbound> _channel;
    /// <summary>Longer than Slack's last retry (~5 min in HTTP mode), across all sockets and transports.</summary>
    private readonly RecentKeys _recent;

    public SlackWorkQueue(IOptions<SlackOptions> options, TimeProvider time, SlackEventHandler events, QuestionsAhead ahead)
    {
        _events = events;
        _ahead = ahead;
        _recent = new RecentKeys(time, TimeSpan.FromMinutes(15));
        _channel = Channel.CreateBounded<SlackInbound>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelReader<SlackInbound> Reader => _channel.Reader;

    /// <summary>Forgets that this work was seen: its reply never went out, so a redelivery is queued again.</summary>
    public void Release(SlackInbound inbound) => _recent.Forget(inbound.DedupeKeys());

    /// <summary>Queues the work unless it is a duplicate; returns false for duplicates.</summary>
    public async ValueTask<bool> EnqueueAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        if (!_recent.FirstTime(inbound.DedupeKeys()))
        {
            return false;
        }

        if (inbound.Event?.Event is { } ev && _events.QuestionIn(ev, inbound.Conversation) is { } question)
        {
            _ahead.Expect(question);
        }

        await _channel.Writer.WriteAsync(inbound, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
