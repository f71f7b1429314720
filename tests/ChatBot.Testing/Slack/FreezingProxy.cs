using System.Net;
using System.Net.Sockets;

namespace ChatBot.Testing.Slack;

/// <summary>
/// A loopback TCP relay in front of the fake, able to freeze the connections it carries: nothing passes
/// either way, as with a peer that went silent without closing (the bot's pings get no pong). It can also hold
/// new connections from the start (<see cref="HoldNext"/>): accepted, never relayed, so the bot's upgrade request
/// is never answered. It counts the pongs it relays from the fake to the bot (<see cref="PongsRelayed"/>), so a
/// test can wait for ping rounds.
/// </summary>
public sealed class FreezingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TcpClient Client, TcpClient Upstream, CancellationTokenSource Frozen)> _links = [];
    private readonly List<WebSocketFrameCounter> _fromServer = [];
    private readonly List<TcpClient> _held = [];
    private readonly Task _accepting;
    private int _toHold;

    public FreezingProxy(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Loopback, target.Port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Pongs relayed from the fake to the bot, across every connection: each one a ping round the bot saw answered.</summary>
    public int PongsRelayed
    {
        get
        {
            lock (_links)
            {
                return _fromServer.Sum(c => c.Count(WebSocketFrameCounter.Pong));
            }
        }
    }

    /// <summary>Connections accepted and held silent so far (see <see cref="HoldNext"/>).</summary>
    public int Held
    {
        get
        {
            lock (_links)
            {
                return _held.Count;
            }
        }
    }

    public string Authority => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Freezes every connection open now; later ones pass.</summary>
    public void FreezeAll()
    {
        lock (_links)
        {
            foreach (var link in _links)
            {
                link.Frozen.Cancel();
            }
        }
    }

    /// <summary>The next <paramref name="count"/> connections are accepted and then hear nothing, not even an answer to their upgrade request.</summary>
    public void HoldNext(int count) => Interlocked.Exchange(ref _toHold, count);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        lock (_links)
        {
            foreach (var (client, upstream, _) in _links)
            {
                client.Dispose();
                upstream.Dispose();
            }

            foreach (var client in _held)
            {
                client.Dispose();
            }
        }

        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            if (Volatile.Read(ref _toHold) > 0)
            {
                Interlocked.Decrement(ref _toHold);
                lock (_links)
                {
                    _held.Add(client);
                }

                continue;
            }

            var upstream = new TcpClient();
            await upstream.ConnectAsync(_target, _stop.Token).ConfigureAwait(false);
            var frozen = new CancellationTokenSource();
            var fromServer = new WebSocketFrameCounter();
            lock (_links)
            {
                _links.Add((client, upstream, frozen));
                _fromServer.Add(fromServer);
            }

            _ = PumpAsync(client.GetStream(), upstream.GetStream(), null, frozen.Token);
            _ = PumpAsync(upstream.GetStream(), client.GetStream(), fromServer, frozen.Token);
        }
    }

    private static async Task PumpAsync(Stream from, Stream to, WebSocketFrameCounter? counter, CancellationToken frozen)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, frozen).ConfigureAwait(false);
                if (read == 0 || frozen.IsCancellationRequested)
                {
                    break;
                }

                counter?.Feed(buffer.AsSpan(0, read));
                await to.WriteAsync(buffer.AsMemory(0, read), frozen).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Frozen, or one side went away: stop relaying without closing anything.
        }
    }
}
