using System.Globalization;
using System.Net.Http.Headers;

namespace ChatBot.Discord.Rest;

/// <summary>The <c>X-RateLimit-*</c> and <c>Retry-After</c> headers of one response. Durations in seconds.</summary>
internal sealed record RateLimitHeaders(
    int? Limit,
    int? Remaining,
    double? ResetAfter,
    string? Bucket,
    bool Global,
    string? Scope,
    double? RetryAfter)
{
    public static RateLimitHeaders From(HttpResponseHeaders headers) => new(
        ParseInt(headers, "X-RateLimit-Limit"),
        ParseInt(headers, "X-RateLimit-Remaining"),
        ParseDouble(headers, "X-RateLimit-Reset-After"),
        Get(headers, "X-RateLimit-Bucket"),
        string.Equals(Get(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Get(headers, "X-RateLimit-Scope"),
        ParseDouble(headers, "Retry-After"));

    /// <summary>No Discord rate-limit headers at all: the mark of a 429 from Cloudflare rather than from Discord.</summary>
    public bool IsEmpty => Limit is null && Remaining is null && ResetAfter is null && Bucket is null && Scope is null;

    /// <summary>
    /// A 429 from Cloudflare, which blocks the whole IP (interaction callbacks and webhooks too): none of Discord's
    /// headers and no Discord JSON body (Cloudflare answers with text such as <c>error code: 1015</c>).
    /// </summary>
    public bool IsCloudflare(DiscordError body) => IsEmpty && !Global && !body.FromDiscord;

    public bool IsSharedScope => string.Equals(Scope, "shared", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// How long to wait after a 429: the largest of the body's <c>retry_after</c>, <c>Retry-After</c>, and
    /// <c>Reset-After</c> when the bucket is empty, since clients disagree on which one rules.
    /// </summary>
    public TimeSpan RetryDelay(double? bodyRetryAfter)
    {
        var seconds = Math.Max(bodyRetryAfter ?? 0, RetryAfter ?? 0);
        if (Remaining == 0 && ResetAfter is { } reset)
        {
            seconds = Math.Max(seconds, reset);
        }

        return TimeSpan.FromSeconds(seconds <= 0 ? 1 : Math.Min(seconds, 3600));
    }

    private static string? Get(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? ParseInt(HttpResponseHeaders headers, string name) =>
        int.TryParse(Get(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? ParseDouble(HttpResponseHeaders headers, string name) =>
        double.TryParse(Get(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
