using System.Text.Json.Serialization;

namespace ChatBot.Discord.Gateway;

/// <summary>An outgoing gateway frame <c>{"op": n, "d": …}</c>; <c>d</c> is written even when null (heartbeat before any dispatch).</summary>
internal sealed record GatewayPayload<T>(
    [property: JsonPropertyName("op")] int Op,
    [property: JsonPropertyName("d"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] T D);
