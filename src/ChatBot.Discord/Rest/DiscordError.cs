using System.Text.Json;

namespace ChatBot.Discord.Rest;

/// <summary>The useful parts of a Discord error body (<c>code</c>, <c>message</c>, <c>retry_after</c>, <c>global</c>).</summary>
internal sealed record DiscordError(int? Code, string Message, double? RetryAfter, bool Global)
{
    /// <summary>False when the body was not Discord's JSON object (a proxy's or Cloudflare's page, say).</summary>
    public bool FromDiscord { get; private init; } = true;

    public static DiscordError Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Unparsed(body);
            }

            return new DiscordError(
                root.TryGetProperty("code", out var code) && code.TryGetInt32(out var c) ? c : null,
                root.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "",
                root.TryGetProperty("retry_after", out var retry) && retry.TryGetDouble(out var r) ? r : null,
                root.TryGetProperty("global", out var global) && global.ValueKind == JsonValueKind.True);
        }
        catch (JsonException)
        {
            return Unparsed(body);
        }
    }

    private static DiscordError Unparsed(string body) => new(null, body.Length > 200 ? body[..200] : body, null, false) { FromDiscord = false };
}
