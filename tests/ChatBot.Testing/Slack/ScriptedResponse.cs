namespace ChatBot.Testing.Slack;

/// <summary>A canned answer the fake gives instead of success (429 with Retry-After, 500, ok:false).</summary>
public sealed record ScriptedResponse(int Status, string Body, int? RetryAfterSeconds = null)
{
    public static ScriptedResponse RateLimited(int retryAfterSeconds) => new(429, """{"ok":false,"error":"ratelimited"}""", retryAfterSeconds);

    public static ScriptedResponse ServerError() => new(500, "upstream failure");

    public static ScriptedResponse Error(string error) => new(200, $$"""{"ok":false,"error":"{{error}}"}""");
}
