namespace ChatBot.Discord.Gateway;

/// <summary>
/// Heartbeats on their own timer from HELLO: the first after <c>interval × jitter</c>, then every
/// interval. A beat still unacknowledged when the next is due means a zombie connection: the socket
/// is aborted (no close frame, so the session stays resumable). The receive loop never waits for the
/// event workers, so an ACK that arrived has been read however far behind they are.
/// </summary>
internal sealed class HeartbeatLoop(
    GatewayConnection connection,
    TimeSpan interval,
    Func<int?> sequence,
    TimeProvider time)
{
    private readonly GatewayConnection _connection = connection;
    private readonly TimeSpan _interval = interval;
    private readonly Func<int?> _sequence = sequence;
    private readonly TimeProvider _time = time;
    private volatile bool _awaitingAck;

    public bool IsZombie { get; private set; }

    public void Acknowledge() => _awaitingAck = false;

    /// <summary>The server asked for a beat (op 1): send one now without touching the schedule.</summary>
    public ValueTask BeatNowAsync(CancellationToken cancellationToken) => SendAsync(cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = _interval * Random.Shared.NextDouble();
        try
        {
            while (true)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                if (_awaitingAck)
                {
                    IsZombie = true;
                    _connection.Abort();
                    return;
                }

                _awaitingAck = true;
                await SendAsync(cancellationToken).ConfigureAwait(false);
                delay = _interval;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Connection over.
        }
    }

    private ValueTask SendAsync(CancellationToken cancellationToken) =>
        _connection.SendAsync(new GatewayPayload<int?>(GatewayOpCode.Heartbeat, _sequence()), cancellationToken);
}
