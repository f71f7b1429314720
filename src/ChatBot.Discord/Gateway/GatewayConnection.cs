using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// One WebSocket to the gateway: frames are reassembled until end-of-message, and every send goes
/// through one queue drained by one task, because a <see cref="ClientWebSocket"/> allows one send at a time.
/// </summary>
internal sealed class GatewayConnection : IAsyncDisposable
{
    private const int MaxFrameBytes = 4096;

    // Discord allows 120 sends per connection per 60 s and disconnects (4008) beyond; keep a margin.
    private const int SendsPerMinute = 115;
    private readonly Queue<long> _recentSends = new();
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(64) { SingleReader = true });
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private Task _sender = Task.CompletedTask;

    private GatewayConnection(TimeProvider time) => _time = time;

    public int? CloseCode => _socket.CloseStatus is { } status ? (int)status : null;

    public static async Task<GatewayConnection> ConnectAsync(Uri uri, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = new GatewayConnection(time);
        try
        {
            connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await connection._socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
            connection._sender = connection.SendLoopAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Queues a payload; frames over 4096 bytes would make Discord close with 4002, so they are refused here.</summary>
    public ValueTask SendAsync(object payload, CancellationToken cancellationToken)
    {
        var bytes = DiscordJson.Serialize(payload);
        if (bytes.Length > MaxFrameBytes)
        {
            throw new InvalidOperationException($"Gateway payload of {bytes.Length} bytes exceeds {MaxFrameBytes}.");
        }

        return _outbox.Writer.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>The next frame, or null when the server closed the socket (see <see cref="CloseCode"/>).</summary>
    public async Task<GatewayFrame?> ReceiveAsync(CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var memory = _buffer.GetMemory(4096);
            var result = await _socket.ReceiveAsync(memory, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return GatewayFrame.Parse(_buffer.WrittenSpan);
            }
        }
    }

    /// <summary>Drops the TCP connection without a close frame, which keeps the session resumable.</summary>
    public void Abort()
    {
        _stop.Cancel();
        _socket.Abort();
    }

    /// <summary>Closes with a code. 1000 ends the session (bot shows offline); anything else keeps it resumable.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, CancellationToken cancellationToken)
    {
        _stop.Cancel();
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await _socket.CloseOutputAsync(status, null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                _socket.Abort();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _outbox.Writer.TryComplete();
        _socket.Abort();
        try
        {
            await _sender.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is gone; nothing left to send.
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task SendLoopAsync()
    {
        var token = _stop.Token;
        await foreach (var bytes in _outbox.Reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            while (_recentSends.Count > 0 && _time.GetElapsedTime(_recentSends.Peek()) > TimeSpan.FromMinutes(1))
            {
                _recentSends.Dequeue();
            }

            if (_recentSends.Count >= SendsPerMinute)
            {
                var wait = TimeSpan.FromMinutes(1) - _time.GetElapsedTime(_recentSends.Dequeue());
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, token).ConfigureAwait(false);
                }
            }

            _recentSends.Enqueue(_time.GetTimestamp());
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, token).ConfigureAwait(false);
        }
    }
}
