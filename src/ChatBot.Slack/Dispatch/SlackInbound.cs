using System.Text.Json;
using ChatBot.Slack.Inbound;

namespace ChatBot.Slack.Dispatch;

/// <summary>
/// One acked piece of work, decoded once where it is queued: an Events API callback, a slash command or an
/// interaction payload, with where it came from (<see cref="Conversation"/>).
/// </summary>
public sealed record SlackInbound(InboundKind Kind, string? EnvelopeId, SlashAck? Ack = null)
{
    public IncomingEventCallback? Event { get; init; }

    public IncomingSlashCommand? Command { get; init; }

    public IncomingBlockActions? Interaction { get; init; }

    /// <summary>The channel, thread, DM or not, public or not; null when the payload names no channel.</summary>
    public SlackConversation? Conversation { get; init; }

    /// <summary>Decodes a payload of <paramref name="kind"/>; null when it is not the shape Slack documents.</summary>
    public static SlackInbound? Decode(InboundKind kind, JsonElement payload, string? envelopeId, SlashAck? ack = null)
    {
        try
        {
            var inbound = new SlackInbound(kind, envelopeId, ack);
            switch (kind)
            {
                case InboundKind.Event when payload.Deserialize(SlackJsonContext.Default.IncomingEventCallback) is { } callback:
                    return inbound with { Event = callback, Conversation = callback.Event is { } ev ? SlackConversation.Of(ev) : null };
                case InboundKind.SlashCommand when payload.Deserialize(SlackJsonContext.Default.IncomingSlashCommand) is { } command:
                    return inbound with { Command = command, Conversation = SlackConversation.Of(command) };
                case InboundKind.Interactive when payload.Deserialize(SlackJsonContext.Default.IncomingBlockActions) is { } click:
                    return inbound with { Interaction = click, Conversation = SlackConversation.Of(click) };
                default:
                    return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Keys under which this work counts as already seen (event id, then channel+ts; else envelope id).</summary>
    public IEnumerable<string> DedupeKeys()
    {
        if (Kind == InboundKind.Event)
        {
            if (Event?.EventId is { } eventId)
            {
                yield return "ev:" + eventId;
            }

            if (Event?.Event is { Channel: { } channel, Ts: { } ts })
            {
                yield return "msg:" + channel + ":" + ts;
            }
        }
        else if (EnvelopeId is not null)
        {
            yield return "env:" + EnvelopeId;
        }
    }

    internal static string? Str(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
