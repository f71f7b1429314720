using System.Text.Json.Serialization;

namespace ChatBot.Slack.Inbound;

/// <summary>Slack's payloads decoded by generated code: snake_case names, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IncomingEventCallback))]
[JsonSerializable(typeof(IncomingSlashCommand))]
[JsonSerializable(typeof(IncomingBlockActions))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
