using System.Text.Json.Nodes;

namespace ChatBot.Testing.Slack;

/// <summary>Socket Mode envelopes shaped like Slack's (see the protocol brief §16.2).</summary>
public static class SlackFrames
{
    public const string Channel = "C0CHAN0001";
    public const string User = "U0USER0001";
    private static int _ids;

    public static string NewId() => $"00000000-0000-4000-8000-{Interlocked.Increment(ref _ids):D12}";

    public static string Ts(int n) => $"1700000000.{n:D6}";

    public static JsonObject Mention(string text, string ts, string? envelopeId = null, string? eventId = null, string channel = Channel, Action<JsonObject>? tweak = null)
    {
        var ev = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = User,
            ["text"] = $"<@{FakeSlackServer.BotUserId}> {text}",
            ["ts"] = ts,
            ["event_ts"] = ts,
            ["channel"] = channel,
        };
        tweak?.Invoke(ev);
        return Events(ev, envelopeId, eventId);
    }

    public static JsonObject DirectMessage(string text, string ts, string? envelopeId = null, Action<JsonObject>? tweak = null)
    {
        var ev = new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["channel"] = "D0DM000001",
            ["user"] = User,
            ["text"] = text,
            ["ts"] = ts,
            ["event_ts"] = ts,
        };
        tweak?.Invoke(ev);
        return Events(ev, envelopeId, null);
    }

    public static JsonObject Events(JsonObject ev, string? envelopeId, string? eventId) => new()
    {
        ["envelope_id"] = envelopeId ?? NewId(),
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = 0,
        ["retry_reason"] = "",
        ["payload"] = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T0TEAM0001",
            ["api_app_id"] = "A0APP0001",
            ["event_id"] = eventId ?? "Ev" + Guid.NewGuid().ToString("N")[..10],
            ["event_time"] = 1700000000,
            ["event"] = ev,
        },
    };

    public static JsonObject SlashCommand(string text, Uri responseUrl, string channel = "C0CHAN0002", string? envelopeId = null, string channelName = "general") => new()
    {
        ["envelope_id"] = envelopeId ?? NewId(),
        ["type"] = "slash_commands",
        ["accepts_response_payload"] = true,
        ["payload"] = new JsonObject
        {
            ["team_id"] = "T0TEAM0001",
            ["channel_id"] = channel,
            ["channel_name"] = channelName,
            ["user_id"] = User,
            ["command"] = "/sleepfaq",
            ["text"] = text,
            ["api_app_id"] = "A0APP0001",
            ["response_url"] = responseUrl.ToString(),
            ["trigger_id"] = "1.2.abc",
        },
    };

    public static JsonObject BlockAction(string actionId, string value, Uri responseUrl, string messageTs, bool ephemeral = false, string channel = Channel, string channelName = "general") => new()
    {
        ["envelope_id"] = NewId(),
        ["type"] = "interactive",
        ["accepts_response_payload"] = false,
        ["payload"] = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = User },
            ["team"] = new JsonObject { ["id"] = "T0TEAM0001" },
            ["api_app_id"] = "A0APP0001",
            ["trigger_id"] = "1.2.def",
            ["response_url"] = responseUrl.ToString(),
            ["container"] = new JsonObject
            {
                ["type"] = "message",
                ["message_ts"] = messageTs,
                ["channel_id"] = channel,
                ["is_ephemeral"] = ephemeral,
            },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = channelName },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = "actions",
                ["value"] = value,
                ["action_ts"] = "1700000200.000001",
            }),
        },
    };
}
