using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Operations;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Dispatch;
using ChatBot.Slack.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.HttpMode;

/// <summary>
/// HTTP mode: Events API, slash command and interactivity endpoints on Kestrel. Every request is
/// signature-checked over the raw bytes before anything is parsed; work is queued and deduplicated
/// exactly as in Socket Mode (so <c>X-Slack-Retry-Num</c> redeliveries are answered once).
/// </summary>
public sealed partial class SlackHttpModeService(
    SlackApiClient api,
    SlackIdentity identity,
    SlackWorkQueue queue,
    SlackSignatureVerifier verifier,
    SlackHttpEndpoint endpoint,
    FatalPlatformSignal fatal,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackHttpModeService> logger) : IHostedService, IAsyncDisposable
{
    private const int MaxBody = 1024 * 1024;
    private readonly SlackApiClient _api = api;
    private readonly SlackIdentity _identity = identity;
    private readonly SlackWorkQueue _queue = queue;
    private readonly SlackSignatureVerifier _verifier = verifier;
    private readonly SlackHttpEndpoint _endpoint = endpoint;
    private readonly FatalPlatformSignal _fatal = fatal;
    private readonly SlackOptions _options = options.Value;
    private readonly TimeProvider _time = time;
    private readonly ILogger<SlackHttpModeService> _logger = logger;
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SlackAuth.IdentifyAsync(_api, _identity, cancellationToken).ConfigureAwait(false);
        }
        catch (FatalPlatformException ex)
        {
            // Not a background service: nothing of ours would end with the exception, so it is reported instead.
            _fatal.Raise(ex);
            return;
        }
        catch (SlackTransientException ex)
        {
            // Requests can still be verified and queued; replies retry per call. Self-filtering falls back to bot_id.
            LogAuthDeferred(ex.Message);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(_options.HttpListenUrl);
        _app = builder.Build();
        _app.MapPost("/slack/events", context => HandleAsync(context, InboundKind.Event));
        _app.MapPost("/slack/commands", context => HandleAsync(context, InboundKind.SlashCommand));
        _app.MapPost("/slack/interactivity", context => HandleAsync(context, InboundKind.Interactive));
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        _endpoint.Addresses = _app.Urls.Select(u => new Uri(u)).ToArray();
        LogListening(_app.Urls);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context, InboundKind kind)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (kind == InboundKind.SlashCommand && body is not null && IsSslCheck(body))
        {
            // Slack checking the certificate of a slash command URL: unsigned, carries nothing to act on.
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (body is null || !_verifier.IsValid(context.Request.Headers["X-Slack-Request-Timestamp"], context.Request.Headers["X-Slack-Signature"], body))
        {
            LogRejected(context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        JsonElement payload;
        try
        {
            payload = kind == InboundKind.Event ? JsonDocument.Parse(body).RootElement.Clone() : FormPayload(body, kind);
        }
        catch (JsonException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (kind == InboundKind.Event && SlackInbound.Str(payload, "type") == "url_verification")
        {
            await context.Response.WriteAsJsonAsync(new { challenge = SlackInbound.Str(payload, "challenge") }, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var ack = kind == InboundKind.SlashCommand ? new SlashAck() : null;
        var envelopeId = kind == InboundKind.Event ? null : Guid.NewGuid().ToString("N");
        if (kind != InboundKind.Event || SlackInbound.Str(payload, "type") == "event_callback")
        {
            if (SlackInbound.Decode(kind, payload, envelopeId, ack) is not { } inbound)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            await _queue.EnqueueAsync(inbound, context.RequestAborted).ConfigureAwait(false);
        }

        if (ack is not null && await ack.WaitAsync(_options.SlashAckBudget, _time, context.RequestAborted).ConfigureAwait(false) is { } response)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static bool IsSslCheck(byte[] body)
    {
        var form = QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
        return form.TryGetValue("ssl_check", out var check) && check == "1" && !form.ContainsKey("command");
    }

    private static JsonElement FormPayload(byte[] body, InboundKind kind)
    {
        var form = QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
        if (kind == InboundKind.Interactive)
        {
            return JsonDocument.Parse(form.TryGetValue("payload", out var p) ? p.ToString() : "{}").RootElement.Clone();
        }

        var fields = new JsonObject();
        foreach (var (key, value) in form)
        {
            fields[key] = value.ToString();
        }

        return JsonSerializer.SerializeToElement(fields);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack HTTP mode listening on {Urls} (/slack/events, /slack/commands, /slack/interactivity).")]
    private partial void LogListening(IEnumerable<string> urls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack HTTP mode: {Reason} Continuing; own-user filtering relies on bot_id until restart.")]
    private partial void LogAuthDeferred(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack HTTP mode: rejected a request to {Path} (bad or stale signature).")]
    private partial void LogRejected(string path);
}
