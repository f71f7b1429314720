using System.Text.Json;

namespace ChatBot.Slack.Dispatch;

/// <summary>One acked piece of work: an Events API callback, a slash command or an interaction payload.</summary>
public sealed record SlackInbound(InboundKind Kind, JsonElement Payload, string? EnvelopeId, SlashAck? Ack = null)
{
    /// <summary>Keys under which this work counts as already seen (event id, then channel+ts; else envelope id).</summary>
    public IEnumerable<string> DedupeKeys()
    {
        if (Kind == InboundKind.Event)
        {
            if (Str(Payload, "event_id") is { } eventId)
            {
                yield return "ev:" + eventId;
            }

            if (Payload.TryGetProperty("event", out var ev) && Str(ev, "channel") is { } channel && Str(ev, "ts") is { } ts)
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
