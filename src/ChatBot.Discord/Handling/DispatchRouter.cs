using System.Text.Json;
using System.Threading.Channels;
using ChatBot.Core.Coordination;
using ChatBot.Discord.Gateway;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Handling;

/// <summary>
/// Takes dispatches from the receive loops, drops duplicates and events we do not handle, and puts the
/// rest on bounded per-worker queues. A channel's messages always land on the same worker, so its
/// replies go out in order; interactions go to queues of their own.
/// </summary>
internal sealed class DispatchRouter(IOptions<DiscordOptions> options, TimeProvider time)
{
    private readonly Channel<GatewayDispatch>[] _queues = NewQueues(options.Value);
    /// <summary>Discord may deliver an event more than once (and a RESUME replays events); each is queued once.</summary>
    private readonly RecentKeys _recent = new RecentKeys(time, TimeSpan.FromMinutes(15));

    /// <summary>
    /// Interactions have queues of their own: Discord gives them 3 seconds to be acknowledged, which a
    /// <c>/ask</c> behind a busy channel's messages could miss. They need no order among themselves.
    /// </summary>
    private readonly Channel<GatewayDispatch>[] _interactionQueues = NewQueues(options.Value);

    /// <summary>Every queue, messages' and interactions'; each gets one worker.</summary>
    public IReadOnlyList<ChannelReader<GatewayDispatch>> Queues => _queues.Concat(_interactionQueues).Select(q => q.Reader).ToArray();

    public ValueTask EnqueueAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
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
            return ValueTask.CompletedTask;
        }

        var isInteraction = dispatch.Type == "INTERACTION_CREATE";
        var queues = isInteraction ? _interactionQueues : _queues;
        var partition = (isInteraction ? null : Id(dispatch.Data, "channel_id")) ?? Id(dispatch.Data, "id") ?? "";
        var index = (int)((uint)StringComparer.Ordinal.GetHashCode(partition) % (uint)queues.Length);
        return queues[index].Writer.WriteAsync(dispatch, cancellationToken);
    }

    public void Complete()
    {
        foreach (var queue in _queues.Concat(_interactionQueues))
        {
            queue.Writer.TryComplete();
        }
    }

    private static Channel<GatewayDispatch>[] NewQueues(DiscordOptions options) =>
        Enumerable.Range(0, options.Workers)
            .Select(_ => Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))
            .ToArray();

    private static string? Id(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
