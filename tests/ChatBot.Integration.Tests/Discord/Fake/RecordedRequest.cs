using System.Text.Json;

namespace ChatBot.Integration.Tests.Discord.Fake;

/// <summary>One HTTP request the fake received. <see cref="Path"/> is decoded and starts after <c>/api/v10</c>.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, string? Authorization, string? UserAgent, string? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
