using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatBot.Core.Delivery;
using ChatBot.Core.Operations;
using ChatBot.Discord.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Rest;

/// <summary>
/// Sends one REST call to Discord: auth and User-Agent headers, per-bucket ordering, the global limit,
/// 429 waits, and retries of 5xx and transport failures with backoff. A 401 marks the token dead.
/// </summary>
internal sealed partial class DiscordRestClient(
    IHttpClientFactory httpFactory,
    RateLimiter limiter,
    ChatBotMetrics metrics,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordRestClient> logger)
{
    public const string HttpClientName = "ChatBot.Discord";
    private const int MaxRateLimitRetries = 10;
    private const int MaxServerRetries = 3;

    /// <summary>5xx and transport failures: up to 250 ms before the first retry, doubling, never past 2 s.</summary>
    private static readonly Backoff ServerRetry = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));

    private readonly IHttpClientFactory _httpFactory = httpFactory;
    private readonly RateLimiter _limiter = limiter;
    private readonly ChatBotMetrics _metrics = metrics;
    private readonly TimeProvider _time = time;
    private readonly ILogger<DiscordRestClient> _logger = logger;
    private readonly Uri _baseUri = new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + "/");
    private readonly string _token = options.Value.Token?.Trim() ?? "";
    private volatile bool _tokenRejected;

    public async Task<JsonElement?> SendAsync(DiscordRoute route, object? body, CancellationToken cancellationToken)
    {
        if (_tokenRejected && route.Kind == RouteKind.Bot)
        {
            throw TokenRejected();
        }

        var payload = body is null ? null : DiscordJson.Serialize(body);
        var bucket = route.Kind == RouteKind.InteractionCallback ? null : _limiter.BucketFor(route);
        if (bucket is not null)
        {
            await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SendWithRetriesAsync(route, bucket, payload, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            bucket?.Gate.Release();
        }
    }

    private async Task<JsonElement?> SendWithRetriesAsync(DiscordRoute route, RateLimitBucket? bucket, byte[]? payload, CancellationToken cancellationToken)
    {
        var rateLimited = 0;
        var failed = 0;
        while (true)
        {
            await _limiter.WaitTurnAsync(route, bucket, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                using var request = BuildRequest(route, payload);
                response = await _httpFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested && failed < MaxServerRetries)
            {
                LogTransportRetry(route.ToString(), ex.GetType().Name, ++failed);
                await BackoffAsync(failed, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var headers = RateLimitHeaders.From(response.Headers);
                _limiter.Observe(route, bucket, headers);
                if (response.IsSuccessStatusCode)
                {
                    return await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var error = DiscordError.Parse(text);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    _metrics.RateLimited("discord");
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests && rateLimited < MaxRateLimitRetries)
                {
                    rateLimited++;
                    var wait = HandleRateLimited(route, bucket, headers, error);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    _limiter.CountInvalid();
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized && route.Kind == RouteKind.Bot)
                {
                    _tokenRejected = true;
                    throw TokenRejected();
                }

                if ((int)response.StatusCode >= 500 && failed < MaxServerRetries)
                {
                    LogServerRetry(route.ToString(), (int)response.StatusCode, ++failed);
                    await BackoffAsync(failed, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new DiscordApiException((int)response.StatusCode, error.Code, error.Message);
            }
        }
    }

    /// <summary>
    /// Records the 429 and returns how long to wait here: for callbacks, which have no bucket, and for interaction
    /// routes after a bot-global 429 (the global pause holds bot routes only). A Cloudflare block pauses every route,
    /// and each waits it out in <see cref="RateLimiter.WaitTurnAsync"/>.
    /// </summary>
    private TimeSpan HandleRateLimited(DiscordRoute route, RateLimitBucket? bucket, RateLimitHeaders headers, DiscordError error)
    {
        if (!headers.IsSharedScope)
        {
            _limiter.CountInvalid();
        }

        var delay = headers.RetryDelay(error.RetryAfter);
        var cloudflare = headers.IsCloudflare(error);
        var global = cloudflare || headers.Global || error.Global || headers.IsEmpty;
        if (cloudflare)
        {
            _limiter.PauseAll(delay);
        }
        else if (global)
        {
            _limiter.PauseGlobal(delay);
        }
        else
        {
            bucket?.Exhaust(delay, _time);
        }

        LogRateLimited(route.ToString(), delay.TotalMilliseconds, global, cloudflare);
        if (cloudflare)
        {
            return TimeSpan.Zero;
        }

        return bucket is null || (global && route.Kind != RouteKind.Bot) ? delay : TimeSpan.Zero;
    }

    private HttpRequestMessage BuildRequest(DiscordRoute route, byte[]? payload)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(_baseUri, route.Path.TrimStart('/')));
        if (route.Kind == RouteKind.Bot)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _token);
        }

        if (payload is not null)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }

    private Task BackoffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(ServerRetry.Delay(attempt), _time, cancellationToken);

    private static FatalPlatformException TokenRejected() =>
        new("Discord", "Discord rejected the bot token (HTTP 401): check Discord:Token; the token may have been reset in the Developer Portal.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Route}: rate limited, waiting {DelayMs:F0} ms (global: {Global}, Cloudflare: {Cloudflare}).")]
    private partial void LogRateLimited(string route, double delayMs, bool global, bool cloudflare);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Route}: server error {Status}, retry {Attempt}.")]
    private partial void LogServerRetry(string route, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Route}: {Error}, retry {Attempt}.")]
    private partial void LogTransportRetry(string route, string error, int attempt);
}
