using System.Text.Json;

namespace ChatBot.Testing.Discord;

/// <summary>One HTTP request the fake received. <see cref="Path"/> is decoded and starts after <c>/api/v10</c>; <see cref="At"/> is a Stopwatch timestamp.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, string? Authorization, string? UserAgent, string? ContentType, long At = 0)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
