using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Testing.Discord;

/// <summary>
/// A gateway that speaks the protocol: HELLO, heartbeat ACKs, IDENTIFY → READY, dispatches with
/// sequence numbers kept in a session log, RESUME replaying what was missed, and op 7 / op 9 / any
/// close code / a dropped socket on demand. Several connections may be READY at once, each on the shard
/// its IDENTIFY named: a guild's events go to every connection of the guild's shard
/// (<c>(guild_id &gt;&gt; 22) % shard_count</c>), direct messages to shard 0, as Discord routes them.
/// </summary>
public sealed class FakeGateway
{
    private readonly FakeDiscord _discord;
    private readonly object _lock = new();
    private readonly List<JsonObject> _log = [];
    private readonly List<Connection> _ready = [];
    private Connection? _current;
    private string? _sessionId;
    private int _sequence;
    private int _connections;

    internal FakeGateway(FakeDiscord discord) => _discord = discord;

    public int HeartbeatIntervalMs { get; set; } = 41_250;

    /// <summary>When false the gateway never ACKs heartbeats (a zombie connection).</summary>
    public bool AcknowledgeHeartbeats { get; set; } = true;

    /// <summary>When true, IDENTIFY gets no answer: the shard stays connected but never READY.</summary>
    public bool SilentIdentify { get; set; }

    /// <summary>When set, IDENTIFY is answered with this close code instead of READY.</summary>
    public int? CloseOnIdentify { get; set; }

    /// <summary>When set, READY advertises this resume URL instead of the fake's own.</summary>
    public string? ResumeUrl { get; set; }

    /// <summary>
    /// When true, a second session on a shard does not replace the first: both get the shard's events, as
    /// while one process hands a shard over to another. When false, the newest session of a shard gets them.
    /// </summary>
    public bool SessionsShareShards { get; set; }

    public ConcurrentQueue<GatewayFrameRecord> Received { get; } = new();

    public int Identifies => Received.Count(f => f.Op == 2);

    public int Resumes => Received.Count(f => f.Op == 6);

    public int ReadyCount { get; private set; }

    public int ResumedCount { get; private set; }

    public bool IsReady => _current is { Ready: true };

    /// <summary>Connections READY now, by the shard each identified as.</summary>
    public IReadOnlyList<int> ReadyShards
    {
        get
        {
            lock (_lock)
            {
                return _ready.Where(c => c.Ready).Select(c => c.ShardId).ToArray();
            }
        }
    }

    /// <summary>The shard a guild's events go to.</summary>
    public static int ShardOf(string? guildId, int shardCount) =>
        guildId is null ? 0 : (int)((ulong.Parse(guildId, System.Globalization.CultureInfo.InvariantCulture) >> 22) % (ulong)shardCount);

    /// <summary>Sends (or, while disconnected, logs for replay) a dispatch; returns its sequence number.</summary>
    public async Task<int> DispatchAsync(string type, JsonObject data)
    {
        JsonObject frame;
        Connection[] targets;
        lock (_lock)
        {
            frame = new JsonObject { ["op"] = 0, ["s"] = ++_sequence, ["t"] = type, ["d"] = data };
            _log.Add(frame);
            var guildId = data["guild_id"]?.GetValue<string>();
            targets = _ready.Where(c => c.Ready && ShardOf(guildId, c.ShardCount) == c.ShardId).ToArray();
        }

        foreach (var target in targets)
        {
            await target.SendAsync((JsonObject)frame.DeepClone()).ConfigureAwait(false);
        }

        return (int)frame["s"]!;
    }

    public Task SendOpAsync(int op, JsonNode? data = null) =>
        _current?.SendAsync(new JsonObject { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null }) ?? Task.CompletedTask;

    public async Task CloseAsync(int code)
    {
        if (Detach() is { } connection)
        {
            await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake close", CancellationToken.None).ConfigureAwait(false);
        }
    }

    public void Drop() => Detach()?.Socket.Abort();

    internal async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = new Connection(socket, Interlocked.Increment(ref _connections), context.Request.Path + context.Request.QueryString, _discord.Traffic);
        await connection.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs }, ["s"] = null, ["t"] = null }).ConfigureAwait(false);
        try
        {
            while (await connection.ReceiveAsync().ConfigureAwait(false) is { } frame)
            {
                var op = frame.GetProperty("op").GetInt32();
                if (op != 1)
                {
                    _discord.Traffic.Seen(); // heartbeats are the connection's pulse, not activity
                }

                var data = frame.TryGetProperty("d", out var d) ? d.Clone() : default;
                Received.Enqueue(new GatewayFrameRecord(connection.Id, connection.PathAndQuery, op, data, System.Diagnostics.Stopwatch.GetTimestamp()));
                await OnFrameAsync(connection, op, data).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The bot dropped the connection.
        }
        finally
        {
            lock (_lock)
            {
                _ready.Remove(connection);
                if (_current == connection)
                {
                    _current = null;
                }
            }
        }
    }

    private async Task OnFrameAsync(Connection connection, int op, JsonElement data)
    {
        switch (op)
        {
            case 1 when AcknowledgeHeartbeats:
                await connection.SendAsync(new JsonObject { ["op"] = 11, ["d"] = null, ["s"] = null, ["t"] = null }).ConfigureAwait(false);
                break;
            case 2:
                await OnIdentifyAsync(connection, data).ConfigureAwait(false);
                break;
            case 6:
                await OnResumeAsync(connection, data).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnIdentifyAsync(Connection connection, JsonElement data)
    {
        var code = data.GetProperty("token").GetString() != _discord.Token ? 4004 : CloseOnIdentify;
        if (code is { } close)
        {
            await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)close, "fake", CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (SilentIdentify)
        {
            return;
        }

        if (data.TryGetProperty("shard", out var shard) && shard.ValueKind == JsonValueKind.Array)
        {
            (connection.ShardId, connection.ShardCount) = (shard[0].GetInt32(), shard[1].GetInt32());
        }

        JsonObject ready;
        lock (_lock)
        {
            _sessionId = Guid.NewGuid().ToString("N");
            _log.Clear();
            _sequence = 0;
            ready = new JsonObject
            {
                ["op"] = 0,
                ["s"] = ++_sequence,
                ["t"] = "READY",
                ["d"] = new JsonObject
                {
                    ["v"] = 10,
                    ["user"] = new JsonObject { ["id"] = _discord.BotUserId, ["username"] = "sleepbot", ["discriminator"] = "4821", ["bot"] = true },
                    ["guilds"] = new JsonArray(),
                    ["session_id"] = _sessionId,
                    ["resume_gateway_url"] = ResumeUrl ?? _discord.WebSocketBase + "/resume",
                    ["application"] = new JsonObject { ["id"] = _discord.ApplicationId, ["flags"] = 0 },
                },
            };
        }

        await connection.SendAsync(ready).ConfigureAwait(false);
        await CatchUpAsync(connection, 1).ConfigureAwait(false);
        ReadyCount++;
    }

    private async Task OnResumeAsync(Connection connection, JsonElement data)
    {
        bool valid;
        lock (_lock)
        {
            valid = data.GetProperty("session_id").GetString() == _sessionId && data.GetProperty("token").GetString() == _discord.Token;
        }

        if (!valid)
        {
            await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false, ["s"] = null, ["t"] = null }).ConfigureAwait(false);
            return;
        }

        await CatchUpAsync(connection, data.GetProperty("seq").GetInt32()).ConfigureAwait(false);
        await connection.SendAsync(new JsonObject { ["op"] = 0, ["s"] = null, ["t"] = "RESUMED", ["d"] = new JsonObject() }).ConfigureAwait(false);
        ResumedCount++;
    }

    /// <summary>Sends every logged frame after <paramref name="sent"/>, then makes the connection current, without a gap.</summary>
    private async Task CatchUpAsync(Connection connection, int sent)
    {
        while (true)
        {
            List<JsonObject> pending;
            lock (_lock)
            {
                pending = _log.Where(f => (int)f["s"]! > sent).Select(f => (JsonObject)f.DeepClone()).ToList();
                if (pending.Count == 0)
                {
                    connection.Ready = true;
                    _current = connection;
                    if (!SessionsShareShards)
                    {
                        _ready.RemoveAll(c => c.ShardId == connection.ShardId);
                    }

                    if (!_ready.Contains(connection))
                    {
                        _ready.Add(connection);
                    }

                    return;
                }
            }

            foreach (var frame in pending)
            {
                await connection.SendAsync(frame).ConfigureAwait(false);
                sent = (int)frame["s"]!;
            }
        }
    }

    private Connection? Detach()
    {
        lock (_lock)
        {
            var connection = _current;
            _current = null;
            if (connection is not null)
            {
                _ready.Remove(connection);
            }

            return connection;
        }
    }

    private sealed class Connection(WebSocket socket, int id, string pathAndQuery, Traffic traffic)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public WebSocket Socket => socket;

        public int Id => id;

        public string PathAndQuery => pathAndQuery;

        public volatile bool Ready;

        public int ShardId;

        public int ShardCount = 1;

        public async Task SendAsync(JsonObject frame)
        {
            var heartbeatAck = frame["op"]?.GetValue<int>() == 11;
            using var inFlight = heartbeatAck ? null : (IDisposable)traffic.Begin();
            var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
            await _send.WaitAsync().ConfigureAwait(false);
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
            {
                // Dropped; the event stays in the log for RESUME.
            }
            finally
            {
                _send.Release();
            }
        }

        public async Task<JsonElement?> ReceiveAsync()
        {
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            while (true)
            {
                var result = await socket.ReceiveAsync(chunk, CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                buffer.Write(chunk, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
                }
            }
        }
    }
}
