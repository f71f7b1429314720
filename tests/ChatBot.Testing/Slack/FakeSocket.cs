using System.Net.WebSockets;
using System.Text;

namespace ChatBot.Testing.Slack;

/// <summary>The server side of one Socket Mode connection.</summary>
public sealed class FakeSocket(int id, WebSocket socket, Traffic traffic)
{
    private readonly WebSocket _socket = socket;
    private readonly Traffic _traffic = traffic;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public int Id { get; } = id;

    /// <summary>Told to disconnect: the fake sends it no new envelopes.</summary>
    public bool Draining { get; set; }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public Task SendAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    /// <summary>Any frame, including binary or malformed ones, to prove the client shrugs them off.</summary>
    public async Task SendRawAsync(byte[] bytes, WebSocketMessageType type)
    {
        using var inFlight = _traffic.Begin();
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (IsOpen)
            {
                await _socket.SendAsync(bytes, type, true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the connection without a close frame, as a network failure or a crashed Slack host would.</summary>
    public void Abort() => _socket.Abort();

    public async Task CloseAsync()
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (IsOpen)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refresh", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            _sendLock.Release();
        }

        _socket.Abort();
    }
}
