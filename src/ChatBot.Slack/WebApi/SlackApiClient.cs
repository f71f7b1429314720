using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Delivery;
using ChatBot.Core.Operations;
using ChatBot.Slack.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.WebApi;

/// <summary>
/// Slack Web API over <see cref="IHttpClientFactory"/>: JSON bodies, Bearer auth, 429 <c>Retry-After</c>
/// honoured per method and channel, <c>chat.postMessage</c> paced per channel
/// (<see cref="SlackOptions.ChannelPostInterval"/>), and retries only where Slack certainly did not act (connection
/// failures, 5xx, rate limits), so a retry cannot post a duplicate. Fatal token errors throw
/// <see cref="FatalPlatformException"/>; other <c>ok:false</c> answers are returned and logged once.
/// </summary>
public sealed partial class SlackApiClient(
    IHttpClientFactory httpClientFactory,
    IOptions<SlackOptions> options,
    RateLimitGate gate,
    ChatBotMetrics metrics,
    TimeProvider time,
    ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "ChatBot.Slack";
    private const int MaxRateLimitWaits = 20;

    /// <summary>Connection failures and 5xx: up to 200 ms before the first retry, doubling, never past 5 s.</summary>
    private static readonly Backoff Retry = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    private readonly IHttpClientFactory _httpClientFactory = httpClientFactory;
    private readonly SlackOptions _options = options.Value;
    private readonly RateLimitGate _gate = gate;
    private readonly ChatBotMetrics _metrics = metrics;
    private readonly TimeProvider _time = time;
    private readonly ILogger<SlackApiClient> _logger = logger;

    /// <summary>Calls a Web API method with the bot token.</summary>
    public Task<SlackApiResponse> CallAsync(string method, JsonObject? body, string? channel, CancellationToken cancellationToken) =>
        SendJsonAsync(new Uri(new Uri(_options.ApiBaseUrl), method), _options.BotToken, body, method, channel, cancellationToken);

    /// <summary>Calls a read method with the bot token and form fields (Slack's read methods do not take JSON bodies).</summary>
    public Task<SlackApiResponse> CallFormAsync(string method, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken) =>
        SendAsync(new Uri(new Uri(_options.ApiBaseUrl), method), _options.BotToken, () => new FormUrlEncodedContent(fields), method, null, cancellationToken);

    /// <summary>Calls a Web API method with the app-level token (only <c>apps.connections.open</c>).</summary>
    public Task<SlackApiResponse> CallWithAppTokenAsync(string method, CancellationToken cancellationToken) =>
        SendJsonAsync(new Uri(new Uri(_options.ApiBaseUrl), method), _options.AppToken, null, method, null, cancellationToken);

    /// <summary>Posts to a slash command's or interaction's <c>response_url</c> (no token: the URL is the credential).</summary>
    public Task<SlackApiResponse> PostToResponseUrlAsync(Uri responseUrl, JsonObject body, CancellationToken cancellationToken) =>
        SendJsonAsync(responseUrl, null, body, "response_url", null, cancellationToken);

    private Task<SlackApiResponse> SendJsonAsync(Uri uri, string? bearer, JsonObject? body, string method, string? channel, CancellationToken cancellationToken)
    {
        var json = body?.ToJsonString() ?? "{}";
        return SendAsync(uri, bearer, () => new StringContent(json, Encoding.UTF8, "application/json"), method, channel, cancellationToken);
    }

    private async Task<SlackApiResponse> SendAsync(Uri uri, string? bearer, Func<HttpContent> content, string method, string? channel, CancellationToken cancellationToken)
    {
        var key = RateLimitGate.Key(method, channel);
        // Every attempt counts against Slack's per-channel allowance, a retry too.
        var spacing = method == "chat.postMessage" && channel is not null ? _options.ChannelPostInterval : TimeSpan.Zero;
        var failures = 0;
        var rateLimited = 0;
        while (true)
        {
            await _gate.WaitTurnAsync(key, spacing, cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
            if (bearer is not null)
            {
                request.Headers.Authorization = new("Bearer", bearer);
            }

            HttpResponseMessage response;
            try
            {
                response = await _httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (++failures < _options.MaxApiAttempts)
            {
                LogTransient(method, failures, ex.Message);
                await Task.Delay(Retry.Delay(failures), _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    _metrics.RateLimited("slack");
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests && ++rateLimited < MaxRateLimitWaits)
                {
                    var wait = RateLimitGate.ParseRetryAfter(response.Headers.RetryAfter, _time.GetUtcNow(), TimeSpan.FromSeconds(1));
                    _gate.Block(key, wait);
                    LogRateLimited(method, channel, wait.TotalSeconds);
                    continue;
                }

                if ((int)response.StatusCode >= 500 && ++failures < _options.MaxApiAttempts)
                {
                    LogTransient(method, failures, $"HTTP {(int)response.StatusCode}");
                    await Task.Delay(Retry.Delay(failures), _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var result = await ParseAsync(response, cancellationToken).ConfigureAwait(false);
                if (SlackErrors.IsRateLimit(result.Error) && ++rateLimited < MaxRateLimitWaits)
                {
                    _gate.Block(key, TimeSpan.FromSeconds(1));
                    LogRateLimited(method, channel, 1);
                    continue;
                }

                if (SlackErrors.IsFatal(result.Error))
                {
                    throw new FatalPlatformException("Slack", SlackErrors.Describe(method, channel, result.Error));
                }

                if (!result.Ok)
                {
                    LogFailed(SlackErrors.Describe(method, channel, result.Error));
                }

                return result;
            }
        }
    }

    private static async Task<SlackApiResponse> ParseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return new SlackApiResponse(false, $"http_{(int)response.StatusCode}", default);
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement.Clone();
            var ok = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) ? e.GetString() : null;
            return new SlackApiResponse(ok, ok ? null : error ?? "unknown_error", root);
        }
        catch (JsonException)
        {
            // response_url answers a plain "ok".
            return new SlackApiResponse(true, null, default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method}: transient failure #{Attempt} ({Reason}); retrying.")]
    private partial void LogTransient(string method, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method}: rate limited for {Channel}; waiting {Seconds} s as Retry-After asks.")]
    private partial void LogRateLimited(string method, string? channel, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Line}")]
    private partial void LogFailed(string line);
}
