using System.Text.Json;

namespace ChatBot.Discord.Gateway;

/// <summary>One received gateway envelope <c>{op, d, s, t}</c>; <see cref="Data"/> is cloned, so it outlives the buffer.</summary>
internal sealed record GatewayFrame(int Op, JsonElement Data, int? Sequence, string? Type)
{
    public static GatewayFrame Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new GatewayFrame(
            root.GetProperty("op").GetInt32(),
            root.TryGetProperty("d", out var d) ? d.Clone() : default,
            root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null,
            root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null);
    }
}
