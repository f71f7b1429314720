using ChatBot.Core.Delivery;
using ChatBot.Core.Operations;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Dispatch;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// Owns the Socket Mode connections: <c>auth.test</c> once, then N staggered slots. Each slot keeps one
/// live socket, replaces it make-before-break on refresh, reconnects with backoff and jitter after a
/// drop. A fatal error (bad token, <c>link_disabled</c>) on any slot ends them all and the service with it
/// (<see cref="FatalPlatformException"/>); the host stops on it.
/// </summary>
public sealed partial class SocketModeService : BackgroundService
{
    private readonly SlackApiClient _api;
    private readonly SlackIdentity _identity;
    private readonly SlackWorkQueue _queue;
    private readonly ConnectionStatus _status;
    private readonly ChatBotMetrics _metrics;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SocketModeService> _logger;

    /// <summary>Reconnects: up to <c>Slack:ReconnectBaseDelay</c> (1 s) before the first, doubling, never past <c>Slack:ReconnectMaxDelay</c> (2 min).</summary>
    private readonly Backoff _reconnect;
    /// <summary>Slack closes a socket about 10 s after <c>warning</c>; a silent one is let go after this.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Slack's limit of open Socket Mode connections per app.</summary>
    private const int MaxSockets = 10;

    /// <summary>
    /// One permit per socket, as Slack counts them: taken before <c>apps.connections.open</c>, given back once the socket is
    /// closed. Sockets still connecting or waiting for hello, replacements and those still draining all hold one.
    /// </summary>
    private readonly SemaphoreSlim _sockets = new(MaxSockets, MaxSockets);
    private int _opened;

    public SocketModeService(SlackApiClient api, SlackIdentity identity, SlackWorkQueue queue, ConnectionStatus status, ChatBotMetrics metrics, IOptions<SlackOptions> options, TimeProvider time, ILogger<SocketModeService> logger)
    {
        _status = status;
        _metrics = metrics;
        _api = api;
        _identity = identity;
        _queue = queue;
        _options = options.Value;
        _reconnect = new Backoff(_options.ReconnectBaseDelay, _options.ReconnectMaxDelay);
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var slot = 0; slot < _options.Connections; slot++)
        {
            _status.Down(SocketName(slot));
        }

        try
        {
            await IdentifyAsync(stoppingToken).ConfigureAwait(false);
            LogIdentity(_identity.UserId, _identity.BotId);
            await ServiceLoops.RunAsync(_options.Connections, RunSlotAsync, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Bad tokens are fatal at once; a Slack outage at start is retried with backoff.</summary>
    private async Task IdentifyAsync(CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await SlackAuth.IdentifyAsync(_api, _identity, stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (SlackTransientException ex)
            {
                LogConnectFailed(-1, failures, ex.Message);
                await Task.Delay(_reconnect.Delay(failures), _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A socket slot's name in the readiness check.</summary>
    private static string SocketName(int slot) => $"slack socket {slot}";

    private async Task RunSlotAsync(int slot, CancellationToken stoppingToken)
    {
        if (slot > 0)
        {
            await Task.Delay(_options.ConnectionStagger * slot, _time, stoppingToken).ConfigureAwait(false);
        }

        var connection = SocketName(slot);
        SocketConnection? current = null;
        var retiring = new List<Task>();
        var failures = 0;
        var permitHeld = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                SocketConnection next;
                try
                {
                    var withPermit = permitHeld;
                    permitHeld = false;
                    next = await OpenAsync(slot, withPermit, stoppingToken).ConfigureAwait(false);
                    failures = 0;
                }
                catch (Exception ex) when (ex is not FatalPlatformException && !stoppingToken.IsCancellationRequested)
                {
                    failures++;
                    LogConnectFailed(slot, failures, ex.Message);
                    await Task.Delay(_reconnect.Delay(failures), _time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                if (current is not null)
                {
                    retiring.RemoveAll(t => t.IsCompleted);
                    retiring.Add(RetireAsync(current, stoppingToken));
                }

                current = next;
                _status.Up(connection);
                var end = await current.Ended.WaitAsync(stoppingToken).ConfigureAwait(false);
                switch (end)
                {
                    case SocketEnd.Refresh when _sockets.Wait(0):
                        // Below Slack's cap of 10 sockets per app: the replacement opens first, under the permit just taken.
                        permitHeld = true;
                        continue;
                    case SocketEnd.Refresh:
                        // At the cap (counting sockets still connecting): the old one goes first (break-before-make);
                        // the other sockets keep receiving meanwhile.
                        await CloseAsync(current).ConfigureAwait(false);
                        current = null;
                        continue;
                    case SocketEnd.LinkDisabled:
                        throw new FatalPlatformException("Slack", "Slack Socket Mode is disabled for this app (link_disabled); enable it in the app settings or set Slack:Mode=http. Stopping.");
                    default:
                        await CloseAsync(current).ConfigureAwait(false);
                        current = null;
                        _status.Down(connection);
                        _metrics.Reconnected("slack");
                        failures++;
                        var wait = end == SocketEnd.TooMany ? _options.ReconnectMaxDelay : _reconnect.Delay(failures);
                        LogReconnecting(slot, end, wait.TotalMilliseconds);
                        await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        finally
        {
            if (permitHeld)
            {
                _sockets.Release();
            }

            if (current is not null)
            {
                retiring.Add(CloseAsync(current));
            }

            await Task.WhenAll(retiring).ConfigureAwait(false);
        }
    }

    /// <summary>The replacement is live; keep reading the old socket until Slack closes it (bounded), then let it go.</summary>
    private async Task RetireAsync(SocketConnection old, CancellationToken stoppingToken)
    {
        try
        {
            await old.Receiving.WaitAsync(DrainTimeout, _time, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
        }

        await CloseAsync(old).ConfigureAwait(false);
    }

    private async Task CloseAsync(SocketConnection connection)
    {
        await connection.DisposeAsync().ConfigureAwait(false);
        _sockets.Release();
    }

    /// <summary>Opens a socket under a permit: the one the caller holds, or one waited for here. A failure gives it back.</summary>
    private async Task<SocketConnection> OpenAsync(int slot, bool permitHeld, CancellationToken stoppingToken)
    {
        if (!permitHeld)
        {
            await _sockets.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        try
        {
            var open = await _api.CallWithAppTokenAsync("apps.connections.open", stoppingToken).ConfigureAwait(false);
            if (!open.Ok || !Uri.TryCreate(open.GetString("url"), UriKind.Absolute, out var url))
            {
                throw new InvalidOperationException($"apps.connections.open failed ({open.Error ?? "no url"}).");
            }

            var name = $"{slot}.{Interlocked.Increment(ref _opened)}";
            var connection = new SocketConnection(name, _queue, _options, _time, _logger);
            try
            {
                await connection.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            _sockets.Release();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: connected as bot user {UserId} (bot {BotId}).")]
    private partial void LogIdentity(string? userId, string? botId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack socket slot {Slot}: connect attempt {Attempt} failed ({Reason}); retrying with backoff.")]
    private partial void LogConnectFailed(int slot, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack socket slot {Slot}: {End}; reconnecting in {DelayMs:F0} ms.")]
    private partial void LogReconnecting(int slot, SocketEnd end, double delayMs);
}
