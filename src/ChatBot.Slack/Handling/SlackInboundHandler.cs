using ChatBot.Slack.Dispatch;

namespace ChatBot.Slack.Handling;

/// <summary>Routes acked work to its handler; the same for Socket Mode and HTTP mode.</summary>
public sealed class SlackInboundHandler
{
    private readonly SlackEventHandler _events;
    private readonly SlashCommandHandler _slash;
    private readonly InteractionHandler _interactions;

    public SlackInboundHandler(SlackEventHandler events, SlashCommandHandler slash, InteractionHandler interactions)
    {
        _events = events;
        _slash = slash;
        _interactions = interactions;
    }

    /// <param name="undelivered">Called when an event's reply could not go out at all (see <see cref="DeliveryAttempt"/>).</param>
    public Task HandleAsync(SlackInbound inbound, Func<Task> undelivered, CancellationToken cancellationToken) => inbound.Kind switch
    {
        InboundKind.Event => _events.HandleAsync(inbound.Payload, undelivered, cancellationToken),
        InboundKind.SlashCommand => _slash.HandleAsync(inbound.Payload, inbound.Ack, cancellationToken),
        InboundKind.Interactive => _interactions.HandleAsync(inbound.Payload, cancellationToken),
        _ => Task.CompletedTask,
    };
}
