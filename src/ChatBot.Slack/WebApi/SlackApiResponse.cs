using System.Text.Json;

namespace ChatBot.Slack.WebApi;

/// <summary>A parsed Web API answer. <see cref="Root"/> is a detached copy, safe to keep.</summary>
public sealed record SlackApiResponse(bool Ok, string? Error, JsonElement Root)
{
    public string? GetString(string property) =>
        Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
