using ChatBot.Slack.Dispatch;

namespace ChatBot.Slack.Handling;

/// <summary>Routes acked, decoded work to its handler; the same for Socket Mode and HTTP mode.</summary>
public sealed class SlackInboundHandler(SlackEventHandler events, SlashCommandHandler slash, InteractionHandler interactions)
{
    private readonly SlackEventHandler _events = events;
    private readonly SlashCommandHandler _slash = slash;
    private readonly InteractionHandler _interactions = interactions;

    /// <param name="undelivered">Called when an event's reply could not go out at all (see <see cref="DeliveryAttempt"/>).</param>
    public Task HandleAsync(SlackInbound inbound, Func<Task> undelivered, CancellationToken cancellationToken) => inbound switch
    {
        { Event.Event: { } ev } => _events.HandleAsync(ev, inbound.Conversation, undelivered, cancellationToken),
        { Command: { } command } => _slash.HandleAsync(command, inbound.Conversation, inbound.Ack, cancellationToken),
        { Interaction: { } click } => _interactions.HandleAsync(click, inbound.Conversation, cancellationToken),
        _ => Task.CompletedTask,
    };
}
