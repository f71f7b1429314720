using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing.Discord;

/// <summary>
/// A fake Discord on loopback Kestrel (random port): <c>/api/v10</c> REST routes the bot uses, recording
/// every request and able to answer 429 / 500 / a dropped connection / a 502 after acting, plus the WebSocket gateway.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    public const string ValidToken = "MTIwMDAwMDAwMDAwMDAwMDAwMQ.GfAkEt.fake-token-for-tests-only-0123456789";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(Func<RecordedRequest, bool> Match, RestFault Fault)> _faults = new();
    private readonly ConcurrentDictionary<string, JsonObject> _byNonce = new();
    private readonly ConcurrentDictionary<string, byte> _answeredInteractions = new();
    private long _nextId = 1_500_000_000_000_000_000;

    private FakeDiscord(WebApplication app)
    {
        _app = app;
        Gateway = new FakeGateway(this);
    }

    public string Token { get; } = ValidToken;

    public string BotUserId { get; } = "1200000000000000001";

    public string ApplicationId { get; } = "1200000000000000001";

    public int SessionStartsRemaining { get; set; } = 1000;

    public int MaxConcurrency { get; set; } = 1;

    public FakeGateway Gateway { get; }

    /// <summary>REST requests and gateway frames in flight, and when the fake last saw anything.</summary>
    internal Traffic Traffic { get; } = new();

    public string ApiBaseUrl { get; private set; } = "";

    public string WebSocketBase { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Messages actually created (a retried POST with a known nonce returns the first one).</summary>
    public ConcurrentQueue<(string ChannelId, JsonObject Body, long At)> Messages { get; } = new();

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Use(fake.RecordAndFaultAsync);
        fake.MapRoutes(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.ApiBaseUrl = address + "/api/v10";
        fake.WebSocketBase = address.Replace("http://", "ws://", StringComparison.Ordinal);
        return fake;
    }

    public void FailNext(Func<RecordedRequest, bool> match, RestFault fault, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue((match, fault));
        }
    }

    /// <summary>Messages created that reply to <paramref name="messageId"/>.</summary>
    public IReadOnlyList<JsonElement> RepliesTo(string messageId) => Messages
        .Select(m => JsonSerializer.SerializeToElement(m.Body))
        .Where(b => b.TryGetProperty("message_reference", out var r) && r.GetProperty("message_id").GetString() == messageId)
        .ToList();

    /// <summary>
    /// Completes once the fake is idle: no REST request or gateway frame in flight and nothing new (heartbeats aside)
    /// for <paramref name="quietSpell"/>. Wait for it, then assert that nothing else was sent.
    /// </summary>
    public Task WaitForIdleAsync(TimeSpan? quietSpell = null) =>
        Eventually.TrueAsync(() => Traffic.IsQuietFor(quietSpell ?? Traffic.DefaultQuietSpell), "the fake Discord to go idle (nothing in flight)");

    public static bool IsMessageCreate(RecordedRequest request) => request.Method == "POST" && request.Path.StartsWith("/channels/", StringComparison.Ordinal);

    public string NewId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Gateway.Drop();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RecordAndFaultAsync(HttpContext context, Func<Task> next)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        if (!path.StartsWith("/api/v10", StringComparison.Ordinal))
        {
            await next().ConfigureAwait(false);
            return;
        }

        using var inFlight = Traffic.Begin();
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync().ConfigureAwait(false);
        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        var request = new RecordedRequest(context.Request.Method, path["/api/v10".Length..], body,
            context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers.UserAgent.FirstOrDefault(), context.Request.ContentType, System.Diagnostics.Stopwatch.GetTimestamp());
        Requests.Enqueue(request);

        var fault = TakeFault(request);
        switch (fault?.Kind)
        {
            case RestFaultKind.RateLimited when fault.Scope == "cloudflare":
                // Cloudflare throttling the IP: a bare 429 with Retry-After and none of Discord's headers.
                context.Response.StatusCode = 429;
                context.Response.Headers["Retry-After"] = Math.Ceiling(fault.RetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsync("error code: 1015").ConfigureAwait(false);
                return;
            case RestFaultKind.RateLimited:
                RateLimit(context, fault);
                await context.Response.WriteAsJsonAsync(new { message = "You are being rate limited.", retry_after = fault.RetryAfter, global = fault.Scope == "global", code = 0 }).ConfigureAwait(false);
                return;
            case RestFaultKind.ServerError:
                context.Response.StatusCode = 500;
                return;
            case RestFaultKind.Forbidden:
                context.Response.StatusCode = 403;
                await context.Response.WriteAsJsonAsync(new { message = "Missing Access", code = 50001 }).ConfigureAwait(false);
                return;
            case RestFaultKind.DirectMessagesClosed:
                context.Response.StatusCode = 403;
                await context.Response.WriteAsJsonAsync(new { message = "Cannot send messages to this user", code = 50007 }).ConfigureAwait(false);
                return;
            case RestFaultKind.CannotReply:
                context.Response.StatusCode = 400;
                await context.Response.WriteAsJsonAsync(new { message = "Cannot reply without permission to read message history", code = 160002 }).ConfigureAwait(false);
                return;
            case RestFaultKind.DropAfterProcessing:
                context.Response.Body = new MemoryStream();
                await next().ConfigureAwait(false);
                context.Abort();
                return;
            case RestFaultKind.BadGatewayAfterProcessing:
                var responseBody = context.Response.Body;
                context.Response.Body = new MemoryStream();
                await next().ConfigureAwait(false);
                context.Response.Body = responseBody;
                context.Response.Headers.Clear();
                context.Response.StatusCode = 502;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>502 Bad Gateway</body></html>").ConfigureAwait(false);
                return;
            default:
                context.Response.Headers["X-RateLimit-Limit"] = "1000";
                context.Response.Headers["X-RateLimit-Remaining"] = "999";
                context.Response.Headers["X-RateLimit-Reset-After"] = "0.001";
                context.Response.Headers["X-RateLimit-Bucket"] = "fake-" + path.Split('/')[1];
                await next().ConfigureAwait(false);
                return;
        }
    }

    private static void RateLimit(HttpContext context, RestFault fault)
    {
        context.Response.StatusCode = 429;
        var headers = context.Response.Headers;
        headers["Retry-After"] = Math.Ceiling(fault.RetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-RateLimit-Limit"] = "5";
        headers["X-RateLimit-Remaining"] = "0";
        headers["X-RateLimit-Reset-After"] = fault.RetryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = "abcd1234";
        headers["X-RateLimit-Scope"] = fault.Scope;
        if (fault.Scope == "global")
        {
            headers["X-RateLimit-Global"] = "true";
        }
    }

    private RestFault? TakeFault(RecordedRequest request)
    {
        var count = _faults.Count;
        for (var i = 0; i < count && _faults.TryDequeue(out var entry); i++)
        {
            if (entry.Match(request))
            {
                return entry.Fault;
            }

            _faults.Enqueue(entry);
        }

        return null;
    }

    private bool Authorized(HttpContext context) => context.Request.Headers.Authorization.FirstOrDefault() == "Bot " + Token;

    private void MapRoutes(WebApplication app)
    {
        app.Map("/gateway", Gateway.HandleAsync);
        app.Map("/resume", Gateway.HandleAsync);
        app.MapGet("/api/v10/gateway/bot", (HttpContext c) => !Authorized(c)
            ? Results.Json(new { message = "401: Unauthorized", code = 0 }, statusCode: 401)
            : Results.Json(new
            {
                url = WebSocketBase + "/gateway",
                shards = 1,
                session_start_limit = new { total = 1000, remaining = SessionStartsRemaining, reset_after = 3_600_000, max_concurrency = MaxConcurrency },
            }));
        app.MapGet("/api/v10/applications/@me", () => Results.Json(new { id = ApplicationId }));
        app.MapPut("/api/v10/applications/{app}/commands", async (HttpContext c) => Results.Text(await ReadAsync(c).ConfigureAwait(false), "application/json"));
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands", async (HttpContext c) => Results.Text(await ReadAsync(c).ConfigureAwait(false), "application/json"));
        app.MapPost("/api/v10/users/@me/channels", async (HttpContext c) =>
        {
            var body = JsonNode.Parse(await ReadAsync(c).ConfigureAwait(false))!;
            return Results.Json(new { id = "16" + body["recipient_id"]!.GetValue<string>()[2..], type = 1 });
        });
        app.MapPost("/api/v10/channels/{channel}/messages", async (string channel, HttpContext c) => Results.Json(CreateMessage(channel, JsonNode.Parse(await ReadAsync(c).ConfigureAwait(false))!.AsObject())));
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", (string id) => _answeredInteractions.TryAdd(id, 0)
            ? Results.NoContent()
            : Results.Json(new { message = "Interaction has already been acknowledged.", code = 40060 }, statusCode: 400));
        app.MapPatch("/api/v10/webhooks/{app}/{token}/messages/{message}", () => Results.Json(new { id = NewId() }));
        app.MapPost("/api/v10/webhooks/{app}/{token}", () => Results.Json(new { id = NewId() }));
    }

    private JsonObject CreateMessage(string channel, JsonObject body)
    {
        var nonce = body["nonce"]?.GetValue<string>();
        if (nonce is not null && body["enforce_nonce"]?.GetValue<bool>() == true && _byNonce.TryGetValue(nonce, out var existing))
        {
            return existing;
        }

        var message = new JsonObject { ["id"] = NewId(), ["channel_id"] = channel, ["author"] = new JsonObject { ["id"] = BotUserId, ["bot"] = true }, ["type"] = 0 };
        if (nonce is null || _byNonce.TryAdd(nonce, message))
        {
            Messages.Enqueue((channel, body, System.Diagnostics.Stopwatch.GetTimestamp()));
        }

        return message;
    }

    private static async Task<string> ReadAsync(HttpContext context) => await new StreamReader(context.Request.Body).ReadToEndAsync().ConfigureAwait(false);
}
