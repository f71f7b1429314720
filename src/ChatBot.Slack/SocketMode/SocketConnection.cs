using System.Buffers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Dispatch;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: waits for <c>hello</c>, acks every envelope before anything else, hands
/// the work to <see cref="SlackWorkQueue"/>, and serialises all its sends through one queue.
/// <see cref="Ended"/> tells the supervisor when to replace it.
/// </summary>
internal sealed partial class SocketConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly HttpMessageInvoker _invoker;
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SocketEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly SlackWorkQueue _queue;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private Task _loops = Task.CompletedTask;
    private Task _receiving = Task.CompletedTask;

    /// <summary>When Slack was last heard on this socket (any bytes: a frame, a pong), on <see cref="_time"/>.</summary>
    private long _lastHeard;

    public SocketConnection(string name, SlackWorkQueue queue, SlackOptions options, TimeProvider time, ILogger logger)
    {
        Name = name;
        _queue = queue;
        _options = options;
        _time = time;
        _logger = logger;
        // The WebSocket pings Slack after KeepAliveInterval of quiet, so a live peer is heard at least that often;
        // WatchAsync drops a socket on which nothing at all arrives (see there).
        _socket.Options.KeepAliveInterval = options.KeepAliveInterval;
        _socket.Options.KeepAliveTimeout = options.KeepAliveTimeout;
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler { ConnectCallback = ConnectTcpAsync });
    }

    public string Name { get; }

    public Task<SocketEnd> Ended => _ended.Task;

    /// <summary>Completes when the receive loop ends (Slack closed the socket, or it failed).</summary>
    public Task Receiving => _receiving;

    /// <summary>
    /// The upgrade and Slack's <c>hello</c>, together within <c>Slack:HelloTimeout</c>: a peer silent from the very start
    /// (no answer to the upgrade, or no hello) is given up like one that falls silent later.
    /// </summary>
    public async Task ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        using var helloTimeout = new CancellationTokenSource(_options.HelloTimeout, _time);
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, helloTimeout.Token);
        try
        {
            await _socket.ConnectAsync(url, _invoker, connecting.Token).ConfigureAwait(false);
            Heard();
            _receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
            _loops = Task.WhenAll(_receiving, Task.Run(SendLoopAsync, CancellationToken.None), Task.Run(WatchAsync, CancellationToken.None));
            await _hello.Task.WaitAsync(connecting.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException && helloTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No hello within {_options.HelloTimeout.TotalSeconds:0.#} s.", ex);
        }
    }

    private async ValueTask<Stream> ConnectTcpAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new PeerActivityStream(new NetworkStream(socket, ownsSocket: true), Heard);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void Heard() => Interlocked.Exchange(ref _lastHeard, _time.GetTimestamp());

    /// <summary>
    /// Liveness on the bot's clock. The WebSocket pings after <c>KeepAliveInterval</c> without a frame, and Slack
    /// answers, so a live socket is heard from at least that often; one on which nothing arrives for
    /// <c>KeepAliveInterval + KeepAliveTimeout</c> is dropped (and reopened by the supervisor) — right after hello
    /// or later, whether or not any envelope came.
    /// </summary>
    private async Task WatchAsync()
    {
        var limit = _options.KeepAliveInterval + _options.KeepAliveTimeout;
        try
        {
            for (var silent = Silence(); silent < limit; silent = Silence())
            {
                await Task.Delay(limit - silent, _time, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        LogSilent(Name, limit.TotalSeconds);
        _ended.TrySetResult(SocketEnd.Dropped);
        _socket.Abort();
    }

    private TimeSpan Silence() => _time.GetElapsedTime(Interlocked.Read(ref _lastHeard));

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (result.MessageType == WebSocketMessageType.Text && message.WrittenCount > 0)
                {
                    await HandleFrameAsync(message.WrittenMemory).ConfigureAwait(false);
                }

                message.ResetWrittenCount();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogReceiveEnded(Name, ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _hello.TrySetException(new WebSocketException("Socket closed before hello."));
            _ended.TrySetResult(SocketEnd.Dropped);
            _outbox.Writer.TryComplete();
        }
    }

    private async Task HandleFrameAsync(ReadOnlyMemory<byte> frame)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(frame);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            LogBadFrame(Name);
            return;
        }

        var type = SlackInbound.Str(root, "type");
        var envelopeId = SlackInbound.Str(root, "envelope_id");
        switch (type)
        {
            case "hello":
                LogHello(Name, root.TryGetProperty("num_connections", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 0);
                _hello.TrySetResult();
                return;
            case "disconnect":
                var reason = SlackInbound.Str(root, "reason") ?? "";
                LogDisconnect(Name, reason);
                _ended.TrySetResult(reason switch
                {
                    "link_disabled" => SocketEnd.LinkDisabled,
                    "too_many_websockets" => SocketEnd.TooMany,
                    _ => SocketEnd.Refresh,
                });

                // Before hello, too, the socket's end decides what follows (link_disabled stops the bot), not the
                // close that comes next, which would read as "closed before hello" and be retried.
                _hello.TrySetResult();
                return;
        }

        if (envelopeId is null)
        {
            return;
        }

        var payload = root.TryGetProperty("payload", out var p) ? p : default;
        if (type == "slash_commands")
        {
            var ack = new SlashAck();
            _ = AckSlashCommandAsync(envelopeId, ack);
            if (SlackInbound.Decode(InboundKind.SlashCommand, payload, envelopeId, ack) is not { } command)
            {
                LogBadFrame(Name);
                ack.Expire();
            }
            else if (!await _queue.EnqueueAsync(command, _stop.Token).ConfigureAwait(false))
            {
                ack.Expire();
            }

            return;
        }

        Send(new JsonObject { ["envelope_id"] = envelopeId });
        var kind = type switch
        {
            "events_api" => InboundKind.Event,
            "interactive" => InboundKind.Interactive,
            _ => (InboundKind?)null,
        };
        if (kind is { } k && payload.ValueKind == JsonValueKind.Object)
        {
            if (SlackInbound.Decode(k, payload, envelopeId) is { } inbound)
            {
                await _queue.EnqueueAsync(inbound, _stop.Token).ConfigureAwait(false);
            }
            else
            {
                LogBadFrame(Name);
            }
        }
    }

    private async Task AckSlashCommandAsync(string envelopeId, SlashAck ack)
    {
        var payload = await ack.WaitAsync(_options.SlashAckBudget, _time, _stop.Token).ConfigureAwait(false);
        var frame = new JsonObject { ["envelope_id"] = envelopeId };
        if (payload is not null)
        {
            frame["payload"] = payload;
        }

        Send(frame);
    }

    private void Send(JsonObject frame) => _outbox.Writer.TryWrite(frame.ToJsonString());

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var text in _outbox.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _ended.TrySetResult(SocketEnd.Dropped);
        }
    }


    /// <summary>
    /// Closes politely but time-boxed (Slack may not finish the handshake), then aborts. The box covers Slack's answering
    /// close too: once it came, Slack no longer counts this socket against the app's limit.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false);
                await _receiving.WaitAsync(timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        await _loops.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _invoker.Dispose();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack socket {Name}: hello (Slack counts {Connections} connection(s)).")]
    private partial void LogHello(string name, int connections);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack socket {Name}: disconnect requested ({Reason}).")]
    private partial void LogDisconnect(string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack socket {Name}: nothing heard for {Seconds:F0} s, not even a pong; dropping it.")]
    private partial void LogSilent(string name, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack socket {Name}: receive loop ended ({Reason}).")]
    private partial void LogReceiveEnded(string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack socket {Name}: ignored an unparsable frame.")]
    private partial void LogBadFrame(string name);
}
