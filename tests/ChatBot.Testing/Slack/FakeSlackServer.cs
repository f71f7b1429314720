using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing.Slack;

/// <summary>
/// A fake Slack on loopback Kestrel (random port): <c>apps.connections.open</c>, Socket Mode WebSockets
/// (hello, envelopes, ack tracking, re-sends of unacked events with <c>retry_attempt</c>, disconnect on
/// demand), and the Web API methods the bot uses (including <c>usergroups.users.list</c>, form-encoded), recording every call and answering scripted failures.
/// An ephemeral message over <see cref="EphemeralTextLimit"/> is refused with <c>msg_too_long</c>, as Slack does.
/// </summary>
public sealed class FakeSlackServer : IAsyncDisposable
{
    public const string BotUserId = "U0BOT0001";
    public const string BotId = "B0BOT00001";
    public const string BotToken = "xoxb-test-0000-secret";
    public const string AppToken = "xapp-1-test-secret";

    /// <summary>Slack refuses an ephemeral message past about 4,000 bytes of text (<c>msg_too_long</c>).</summary>
    public const int EphemeralTextLimit = 4000;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _acksToDrop = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _unacked = new(StringComparer.Ordinal);
    private readonly Traffic _traffic = new();
    private readonly List<FakeSocket> _sockets = [];
    private readonly List<Task> _background = [];
    private readonly TaskCompletionSource _hellosReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _socketIds;
    private int _roundRobin;
    private int _greetAtOnce = int.MaxValue;

    private FakeSlackServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Where <c>apps.connections.open</c> sends the bot's sockets (a proxy in front of the fake, for example).</summary>
    public string? SocketAuthority { get; set; }

    public string ApiBaseUrl => new Uri(BaseUri, "api/").ToString();

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    /// <summary>Acks received, by envelope id (the latest one).</summary>
    public ConcurrentDictionary<string, JsonObject> Acks { get; } = new(StringComparer.Ordinal);

    /// <summary>When each envelope was first sent (Stopwatch timestamp).</summary>
    public ConcurrentDictionary<string, long> SentAt { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> AckLog { get; } = new();

    public string? AuthTestError { get; set; }

    /// <summary>User groups (<c>S…</c> id → member user ids) that <c>usergroups.users.list</c> knows.</summary>
    public ConcurrentDictionary<string, string[]> UserGroups { get; } = new(StringComparer.Ordinal);

    public bool RetryUnacked { get; set; } = true;

    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    public int ConnectionsOpened => Volatile.Read(ref _socketIds);

    /// <summary>The most sockets that were open at once.</summary>
    public int MostLiveSockets { get; private set; }

    public IReadOnlyList<FakeSocket> LiveSockets
    {
        get
        {
            lock (_sockets)
            {
                return _sockets.Where(s => s.IsOpen).ToArray();
            }
        }
    }

    /// <summary>The settings that point a bot at this fake: its tokens and URL, one socket, and reconnects quick enough for a test.</summary>
    public Dictionary<string, string?> BotSettings() => new()
    {
        ["Slack:BotToken"] = BotToken,
        ["Slack:AppToken"] = AppToken,
        ["Slack:ApiBaseUrl"] = ApiBaseUrl,
        ["Slack:Connections"] = "1",
        ["Slack:ConnectionStagger"] = "00:00:00",
        ["Slack:ReconnectBaseDelay"] = "00:00:00.050",
        ["Slack:ReconnectMaxDelay"] = "00:00:01",
    };

    /// <summary>
    /// Completes once the fake is idle: every envelope written to a socket acked, no Web API call or frame in flight,
    /// and nothing new for <paramref name="quietSpell"/>. Wait for it, then assert that nothing else was sent.
    /// </summary>
    public Task WaitForIdleAsync(TimeSpan? quietSpell = null) =>
        Eventually.TrueAsync(() => _unacked.IsEmpty && _traffic.IsQuietFor(quietSpell ?? Traffic.DefaultQuietSpell), "the fake Slack to go idle (every envelope acked, nothing in flight)");

    public IEnumerable<RecordedCall> Delivered(string method) => Calls.Where(c => c.Method == method && c.Delivered);

    public static async Task<FakeSlackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var fake = new FakeSlackServer(builder.Build());
        fake._app.UseWebSockets();
        fake._app.MapPost("/api/{method}", (HttpContext c, string method) => fake.ApiAsync(c, method));
        fake._app.MapPost("/hooks/{*rest}", (HttpContext c) => fake.ApiAsync(c, "response_url"));
        fake._app.Map("/link", fake.LinkAsync);
        await fake._app.StartAsync().ConfigureAwait(false);
        fake.BaseUri = new Uri(fake._app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    public void Script(string method, params ScriptedResponse[] responses)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<ScriptedResponse>());
        foreach (var r in responses)
        {
            queue.Enqueue(r);
        }
    }

    /// <summary>
    /// Sockets after the first <paramref name="count"/> are accepted (and counted) at once but greeted with <c>hello</c> only
    /// at <see cref="ReleaseHellos"/>: the moment after start-up when most sockets are still connecting.
    /// </summary>
    public void HoldHellosAfter(int count) => Volatile.Write(ref _greetAtOnce, count);

    public void ReleaseHellos() => _hellosReleased.TrySetResult();

    /// <summary>The next <paramref name="count"/> acks for this envelope are "lost" (so Slack re-sends).</summary>
    public void DropAcks(string envelopeId, int count) => _acksToDrop[envelopeId] = count;

    /// <summary>Sends an envelope on a live socket (round robin, or the given one); unacked events are re-sent with retry_attempt.</summary>
    public async Task SendEnvelopeAsync(JsonObject envelope, FakeSocket? on = null)
    {
        var id = (string)envelope["envelope_id"]!;
        _pending[id] = envelope;
        SentAt.TryAdd(id, Stopwatch.GetTimestamp());
        var socket = on ?? PickSocket();
        if (socket is not null)
        {
            _unacked[id] = 0;
            await socket.SendAsync(envelope.ToJsonString()).ConfigureAwait(false);
        }

        if (RetryUnacked && (string?)envelope["type"] == "events_api")
        {
            Track(RetryAsync(id));
        }
    }

    /// <summary>
    /// Sends an event again as Slack does when it believes it was not handled (an ack lost, an HTTP retry): the same
    /// envelope and event, with <c>retry_attempt</c> and <c>retry_reason</c>.
    /// </summary>
    public Task RedeliverAsync(JsonObject envelope, int attempt, FakeSocket? on = null)
    {
        var copy = (JsonObject)envelope.DeepClone();
        copy["retry_attempt"] = attempt;
        copy["retry_reason"] = "timeout";
        if ((on ?? PickSocket()) is not { } socket)
        {
            return Task.CompletedTask;
        }

        _unacked[(string)copy["envelope_id"]!] = 0;
        return socket.SendAsync(copy.ToJsonString());
    }

    public Task DisconnectAsync(FakeSocket socket, string reason, TimeSpan closeAfter)
    {
        socket.Draining = true;
        Track(Task.Run(async () =>
        {
            await Task.Delay(closeAfter).ConfigureAwait(false);
            await socket.CloseAsync().ConfigureAwait(false);
        }));
        return socket.SendAsync($$$"""{"type":"disconnect","reason":"{{{reason}}}","debug_info":{"host":"applink-test-1"}}""");
    }

    private async Task RetryAsync(string id)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Task.Delay(AckTimeout).ConfigureAwait(false);
            if (Acks.ContainsKey(id) || !_pending.TryGetValue(id, out var envelope))
            {
                return;
            }

            var copy = (JsonObject)envelope.DeepClone();
            copy["retry_attempt"] = attempt;
            copy["retry_reason"] = "timeout";
            if (PickSocket() is { } socket)
            {
                _unacked[id] = 0;
                await socket.SendAsync(copy.ToJsonString()).ConfigureAwait(false);
            }
        }
    }

    private FakeSocket? PickSocket()
    {
        lock (_sockets)
        {
            var live = _sockets.Where(s => s.IsOpen && !s.Draining).ToArray();
            return live.Length == 0 ? null : live[Interlocked.Increment(ref _roundRobin) % live.Length];
        }
    }

    private async Task LinkAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var socket = new FakeSocket(Interlocked.Increment(ref _socketIds), ws, _traffic);
        int count;
        lock (_sockets)
        {
            _sockets.Add(socket);
            count = _sockets.Count(s => s.IsOpen);
            MostLiveSockets = Math.Max(MostLiveSockets, count);
        }

        if (socket.Id > Volatile.Read(ref _greetAtOnce))
        {
            await _hellosReleased.Task.ConfigureAwait(false);
        }

        await socket.SendAsync($$$"""{"type":"hello","num_connections":{{{count}}},"debug_info":{"host":"applink-test-{{{socket.Id}}}","build_number":10,"approximate_connection_time":18060},"connection_info":{"app_id":"A0APP0001"}}""").ConfigureAwait(false);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (ws.State == System.Net.WebSockets.WebSocketState.Open)
            {
                var result = await ws.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    OnAck(Encoding.UTF8.GetString(message.ToArray()));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
        }

        await socket.CloseAsync().ConfigureAwait(false);
    }

    private void OnAck(string text)
    {
        _traffic.Seen();
        if (JsonNode.Parse(text) is not JsonObject ack || ack["envelope_id"]?.GetValue<string>() is not { } id)
        {
            return;
        }

        AckLog.Enqueue(id);
        if (_acksToDrop.TryGetValue(id, out var drop) && drop > 0)
        {
            _acksToDrop[id] = drop - 1;
            return;
        }

        Acks[id] = ack;
        _unacked.TryRemove(id, out _);
    }

    private async Task ApiAsync(HttpContext context, string method)
    {
        using var inFlight = _traffic.Begin();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        var body = ParseBody(text, context.Request.ContentType);
        var auth = context.Request.Headers.Authorization.ToString();
        var (status, json, retryAfter) = Answer(method, auth, body);
        Calls.Enqueue(new RecordedCall(method, auth, body, status, status == 200 && json.Contains("\"ok\":true", StringComparison.Ordinal), Stopwatch.GetTimestamp()));
        context.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json).ConfigureAwait(false);
    }

    private (int Status, string Json, int? RetryAfter) Answer(string method, string auth, JsonObject body)
    {
        var wantsAppToken = method == "apps.connections.open";
        if (method != "response_url" && !auth.StartsWith(wantsAppToken ? "Bearer xapp-" : "Bearer xoxb-", StringComparison.Ordinal))
        {
            return (200, """{"ok":false,"error":"not_authed"}""", null);
        }

        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            return (scripted.Status, scripted.Body, scripted.RetryAfterSeconds);
        }

        if (IsEphemeral(method, body) && TextBytes(body) > EphemeralTextLimit)
        {
            return (200, """{"ok":false,"error":"msg_too_long"}""", null);
        }

        return method switch
        {
            "auth.test" when AuthTestError is { } error => (200, $$"""{"ok":false,"error":"{{error}}"}""", null),
            "auth.test" => (200, $$"""{"ok":true,"url":"https://example.slack.com/","team":"Example","user":"sleepbot","team_id":"T0TEAM0001","user_id":"{{BotUserId}}","bot_id":"{{BotId}}"}""", null),
            "apps.connections.open" => (200, $$"""{"ok":true,"url":"ws://{{SocketAuthority ?? BaseUri.Authority}}/link/?ticket=T-{{Guid.NewGuid():N}}&app_id=A0APP0001"}""", null),
            "chat.postMessage" => (200, $$"""{"ok":true,"channel":"{{body["channel"]}}","ts":"1700000300.{{Calls.Count:D6}}"}""", null),
            "chat.postEphemeral" => (200, """{"ok":true,"message_ts":"1502210682.580145"}""", null),
            "response_url" => (200, """{"ok":true}""", null),
            "usergroups.users.list" => UserGroupMembers(body),
            _ => (200, """{"ok":false,"error":"unknown_method"}""", null),
        };
    }

    /// <summary>The UTF-8 bytes of a message's text: the fallback text and every text in its blocks.</summary>
    public static int TextBytes(JsonNode? node) => node switch
    {
        JsonObject o => o.Sum(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var text) ? Encoding.UTF8.GetByteCount(text) : TextBytes(p.Value)),
        JsonArray a => a.Sum(TextBytes),
        _ => 0,
    };

    private static bool IsEphemeral(string method, JsonObject body) =>
        method == "chat.postEphemeral" || (method == "response_url" && body["response_type"]?.GetValue<string>() != "in_channel");

    private (int Status, string Json, int? RetryAfter) UserGroupMembers(JsonObject body) =>
        body["usergroup"] is JsonValue v && v.TryGetValue<string>(out var group) && UserGroups.TryGetValue(group, out var members)
            ? (200, new JsonObject { ["ok"] = true, ["users"] = new JsonArray([.. members.Select(m => JsonValue.Create(m))]) }.ToJsonString(), null)
            : (200, """{"ok":false,"error":"no_such_subteam"}""", null);

    private static JsonObject ParseBody(string text, string? contentType)
    {
        if (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && text.Length > 0)
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }

        var form = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(text))
        {
            form[key] = value.ToString();
        }

        return form;
    }

    private void Track(Task task)
    {
        lock (_background)
        {
            _background.Add(task);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in LiveSockets)
        {
            await socket.CloseAsync().ConfigureAwait(false);
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Task[] pending;
        lock (_background)
        {
            pending = [.. _background];
        }

        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
