using System.Text.Json;
using System.Threading.Channels;
using ChatBot.Core.Answering;
using ChatBot.Core.Coordination;
using ChatBot.Discord.Configuration;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Inbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Handling;

/// <summary>
/// Takes dispatches from the receive loops without ever making them wait, drops duplicates and events we do not
/// handle, and sorts the rest:
/// <list type="bullet">
/// <item>interactions go to an unbounded queue of their own, where each is started at once and handled
/// concurrently (Discord gives it 3 seconds to be acknowledged, which it could miss behind messages or behind a
/// slow interaction);</item>
/// <item>everything else goes to the message backlog, from which <see cref="PumpAsync"/> moves it onto bounded
/// per-worker queues, waiting for room there. A channel's messages always land on the same worker, so its replies
/// go out in order. While the backlog holds <see cref="DiscordOptions.MessageBacklog"/> events, a new
/// MESSAGE_CREATE is dropped (with a warning) rather than letting the backlog, or the receive loop, grow without
/// bound.</item>
/// </list>
/// Each question moved onto a worker's queue is told to Core (<see cref="QuestionsAhead"/>), so a burst's
/// questions are embedded together.
/// </summary>
internal sealed partial class DispatchRouter(
    IOptions<DiscordOptions> options,
    TimeProvider time,
    MessageHandler messages,
    QuestionsAhead ahead,
    ILogger<DispatchRouter> logger)
{
    /// <summary>During an overload, one warning per this many dropped messages.</summary>
    private const int WarnEvery = 1000;

    private readonly Channel<GatewayDispatch>[] _queues = NewQueues(options.Value);
    /// <summary>Not <c>SingleReader</c>: that kind of channel cannot count what it holds.</summary>
    private readonly Channel<GatewayDispatch> _backlog = Channel.CreateUnbounded<GatewayDispatch>();
    private readonly Channel<GatewayDispatch> _interactions = Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _backlogCapacity = options.Value.MessageBacklog;
    private readonly ILogger<DispatchRouter> _logger = logger;
    private long _dropped;

    /// <summary>Discord may deliver an event more than once (and a RESUME replays events); each is queued once.</summary>
    private readonly RecentKeys _recent = new RecentKeys(time, TimeSpan.FromMinutes(15));

    /// <summary>The message workers' queues; each gets one worker.</summary>
    public IReadOnlyList<ChannelReader<GatewayDispatch>> MessageQueues => _queues.Select(q => q.Reader).ToArray();

    /// <summary>Interactions in arrival order; the reader starts each at once rather than one after another.</summary>
    public ChannelReader<GatewayDispatch> Interactions => _interactions.Reader;

    /// <summary>Messages dropped because the backlog was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Never waits: called from the receive loops, which must keep reading heartbeat ACKs and interactions.</summary>
    public void Route(GatewayDispatch dispatch)
    {
        var dedupeKey = dispatch.Type switch
        {
            "MESSAGE_CREATE" => "m" + Id(dispatch.Data, "id"),
            "INTERACTION_CREATE" => "i" + Id(dispatch.Data, "id"),
            "GUILD_CREATE" => null,
            _ => "",
        };
        if (dedupeKey == "" || (dedupeKey is not null && !_recent.FirstTime(dedupeKey)))
        {
            return;
        }

        if (dispatch.Type == "INTERACTION_CREATE")
        {
            _interactions.Writer.TryWrite(dispatch);
            return;
        }

        if (dispatch.Type == "MESSAGE_CREATE" && _backlog.Reader.Count >= _backlogCapacity)
        {
            var dropped = Interlocked.Increment(ref _dropped);
            if (dropped % WarnEvery == 1)
            {
                LogBacklogFull(_backlogCapacity, dropped);
            }

            return;
        }

        _backlog.Writer.TryWrite(dispatch);
    }

    /// <summary>Moves the backlog onto the workers' queues in arrival order, waiting while a queue is full.</summary>
    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var dispatch in _backlog.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var partition = Id(dispatch.Data, "channel_id") ?? Id(dispatch.Data, "id") ?? "";
                var index = (int)((uint)StringComparer.Ordinal.GetHashCode(partition) % (uint)_queues.Length);
                if (dispatch.Type == "MESSAGE_CREATE" && QuestionIn(dispatch.Data) is { } question)
                {
                    ahead.Expect(question);
                }

                await _queues[index].Writer.WriteAsync(dispatch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (ChannelClosedException)
        {
            // Completed while waiting for room: shutting down.
        }
    }

    public void Complete()
    {
        _backlog.Writer.TryComplete();
        _interactions.Writer.TryComplete();
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }
    }

    private static Channel<GatewayDispatch>[] NewQueues(DiscordOptions options) =>
        Enumerable.Range(0, options.Workers)
            .Select(_ => Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))
            .ToArray();

    /// <summary>The question a message asks the bot; null when it asks none or does not decode (its handler reports that).</summary>
    private string? QuestionIn(JsonElement data)
    {
        try
        {
            return DiscordJson.Deserialize<IncomingMessage>(data) is { } message ? messages.QuestionIn(message) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Id(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: the workers are behind and the message backlog is full ({Capacity}); a message was dropped ({Dropped} since start).")]
    private partial void LogBacklogFull(int capacity, long dropped);
}
