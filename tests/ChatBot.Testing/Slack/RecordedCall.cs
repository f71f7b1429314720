using System.Text.Json.Nodes;

namespace ChatBot.Testing.Slack;

/// <summary>One Web API or response_url request the fake received, and whether it answered ok.</summary>
public sealed record RecordedCall(string Method, string? Authorization, JsonObject Body, int Status, bool Delivered, long Timestamp)
{
    public string? Str(string property) => Body[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string Json => Body.ToJsonString();
}
