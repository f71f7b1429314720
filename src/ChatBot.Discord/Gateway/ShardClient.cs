using System.Net.WebSockets;
using System.Text.Json;
using ChatBot.Core.Delivery;
using ChatBot.Core.Operations;
using ChatBot.Discord.Configuration;
using ChatBot.Discord.Handling;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// One shard's life: connect, HELLO, heartbeat, IDENTIFY or RESUME, hand dispatches to the router, and
/// after every disconnect decide (resume / new session / stop) and reconnect with backoff. Only
/// parsing and routing happen on the receive loop, and routing never waits.
/// </summary>
internal sealed partial class ShardClient
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private const int ResumeAttempts = 3;

    /// <summary>
    /// Up to 1 s before reconnecting, doubling with each failure in a row, never past 60 s. A drop after a healthy
    /// session counts as the first failure, so it waits only a little.
    /// </summary>
    private static readonly Backoff Reconnect = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    private readonly int _shardId;
    private readonly int _shardCount;
    private readonly DiscordOptions _options;
    private readonly GatewayInfoClient _info;
    private readonly IdentifyThrottle _throttle;
    private readonly DispatchRouter _router;
    private readonly BotIdentity _identity;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConnectionStatus _status;
    private readonly ChatBotMetrics _metrics;
    private readonly GatewaySession _session = new();
    private string? _gatewayUrl;

    public ShardClient(int shardId, int shardCount, DiscordOptions options, GatewayInfoClient info, IdentifyThrottle throttle, DispatchRouter router, BotIdentity identity, ConnectionStatus status, ChatBotMetrics metrics, TimeProvider time, ILogger logger)
    {
        (_shardId, _shardCount, _options, _info, _throttle, _router, _identity, _status, _metrics, _time, _logger) =
            (shardId, shardCount, options, info, throttle, router, identity, status, metrics, time, logger);

        // Down from the moment it exists, so the readiness check never sees a start with no shard at all.
        _status.Down(Connection);
    }

    /// <summary>This shard's name in the readiness check.</summary>
    private string Connection => $"discord shard {_shardId}";

    public async Task RunAsync(string gatewayUrl, CancellationToken cancellationToken)
    {
        _gatewayUrl = gatewayUrl;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var url = _session.CanResume ? _session.ResumeUrl! : _gatewayUrl;
            GatewayAction action;
            var healthy = false;
            try
            {
                (action, healthy) = await RunConnectionAsync(url, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or TimeoutException or JsonException or InvalidOperationException or OperationCanceledException or HttpRequestException or Rest.DiscordApiException)
            {
                action = new GatewayAction(_session.CanResume ? GatewayActionKind.Resume : GatewayActionKind.NewSession, ex.GetType().Name);
            }

            _status.Down(Connection);
            _metrics.Reconnected("discord");

            if (action.Kind == GatewayActionKind.Stop)
            {
                throw new FatalPlatformException("Discord", action.Reason);
            }

            failures = healthy ? 0 : failures + 1;
            if (action.Kind == GatewayActionKind.NewSession || failures >= ResumeAttempts)
            {
                // A resume that keeps failing falls back to a fresh session on the /gateway/bot URL.
                _session.Reset();
            }

            var delay = action.Immediate ? TimeSpan.Zero : Reconnect.Delay(failures);
            LogReconnecting(_shardId, action.Reason, action.Kind, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(GatewayAction Action, bool Healthy)> RunConnectionAsync(string url, CancellationToken cancellationToken)
    {
        var connection = await GatewayConnection.ConnectAsync(GatewayUri(url), _time, cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        using var helloTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        helloTimeout.CancelAfter(HelloTimeout);
        var hello = await connection.ReceiveAsync(helloTimeout.Token).ConfigureAwait(false);
        if (hello is null)
        {
            return (CloseCodes.Classify(connection.CloseCode), false);
        }

        if (hello.Op == GatewayOpCode.Reconnect)
        {
            return (new GatewayAction(GatewayActionKind.Resume, "reconnect requested (op 7)", true), false);
        }

        if (hello.Op != GatewayOpCode.Hello)
        {
            return (new GatewayAction(GatewayActionKind.Resume, $"expected HELLO, got op {hello.Op}"), false);
        }

        using var connectionScope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = new HeartbeatLoop(connection, TimeSpan.FromMilliseconds(hello.Data.GetProperty("heartbeat_interval").GetDouble()), () => _session.Sequence, _time);
        var heartbeatTask = heartbeat.RunAsync(connectionScope.Token);
        var healthy = false;
        try
        {
            await StartSessionAsync(connection, cancellationToken).ConfigureAwait(false);

            // Watchdog: a connection that never reaches READY/RESUMED is dropped and retried.
            using var readyTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            readyTimeout.CancelAfter(ReadyTimeout);
            while (true)
            {
                GatewayFrame? frame;
                try
                {
                    frame = await connection.ReceiveAsync(healthy ? cancellationToken : readyTimeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException && heartbeat.IsZombie)
                {
                    return (new GatewayAction(GatewayActionKind.Resume, "no heartbeat ACK (zombie connection)"), healthy);
                }

                if (frame is null)
                {
                    return (CloseCodes.Classify(connection.CloseCode), healthy);
                }

                if (frame.Sequence is { } sequence)
                {
                    _session.Observe(sequence);
                }

                switch (frame.Op)
                {
                    case GatewayOpCode.Dispatch:
                        healthy |= OnDispatch(frame);
                        break;
                    case GatewayOpCode.Heartbeat:
                        await heartbeat.BeatNowAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    case GatewayOpCode.HeartbeatAck:
                        heartbeat.Acknowledge();
                        break;
                    case GatewayOpCode.Reconnect:
                        await connection.CloseAsync((WebSocketCloseStatus)4200, cancellationToken).ConfigureAwait(false);
                        return (new GatewayAction(GatewayActionKind.Resume, "reconnect requested (op 7)", true), healthy);
                    case GatewayOpCode.InvalidSession:
                        return (await OnInvalidSessionAsync(connection, frame, cancellationToken).ConfigureAwait(false), healthy);
                }
            }
        }
        finally
        {
            await connectionScope.CancelAsync().ConfigureAwait(false);
            await heartbeatTask.ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, closeTimeout.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task StartSessionAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        if (_session.CanResume)
        {
            var resume = new GatewayPayload<ResumeData>(GatewayOpCode.Resume, new ResumeData(Token, _session.SessionId!, _session.Sequence!.Value));
            await connection.SendAsync(resume, cancellationToken).ConfigureAwait(false);
            LogResuming(_shardId, _session.Sequence.Value);
            return;
        }

        var info = await _info.GetAsync(cancellationToken).ConfigureAwait(false);
        _gatewayUrl = info.Url;
        var turn = await _throttle.WaitAsync(_shardId, info.SessionStartLimit, _options.MinSessionStartsLeft, cancellationToken).ConfigureAwait(false);
        var identify = new IdentifyData(Token, GatewayIntents.For(_options), new IdentifyProperties("linux", "chatbot", "chatbot"), [_shardId, _shardCount]);
        try
        {
            await connection.SendAsync(new GatewayPayload<IdentifyData>(GatewayOpCode.Identify, identify), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            turn.Sent();
        }

        LogIdentifying(_shardId, _shardCount, identify.Intents, info.SessionStartLimit.Remaining);
    }

    /// <summary>Returns true once the session is established (READY or RESUMED), which resets the backoff.</summary>
    private bool OnDispatch(GatewayFrame frame)
    {
        switch (frame.Type)
        {
            case "READY":
                var sessionId = frame.Data.GetProperty("session_id").GetString()!;
                _session.Start(sessionId, frame.Data.GetProperty("resume_gateway_url").GetString()!);
                _identity.UserId = frame.Data.GetProperty("user").GetProperty("id").GetString();
                if (frame.Data.TryGetProperty("application", out var app) && app.TryGetProperty("id", out var appId))
                {
                    _identity.ApplicationId ??= appId.GetString();
                }

                LogReady(_shardId);
                _status.Up(Connection);
                return true;
            case "RESUMED":
                LogResumed(_shardId);
                _status.Up(Connection);
                return true;
            case null:
                return false;
            default:
                // Never waits: the workers may be behind, and heartbeat ACKs and interactions must still be read.
                _router.Route(new GatewayDispatch(frame.Type, frame.Data, _time.GetTimestamp(), _shardId));
                return false;
        }
    }

    private async Task<GatewayAction> OnInvalidSessionAsync(GatewayConnection connection, GatewayFrame frame, CancellationToken cancellationToken)
    {
        await connection.CloseAsync((WebSocketCloseStatus)4200, cancellationToken).ConfigureAwait(false);
        if (frame.Data.ValueKind == JsonValueKind.True && _session.CanResume)
        {
            return new GatewayAction(GatewayActionKind.Resume, "invalid session (resumable)", true);
        }

        // Documented: wait a random 1–5 s before identifying again.
        await Task.Delay(TimeSpan.FromMilliseconds(1000 + Random.Shared.Next(4000)), _time, cancellationToken).ConfigureAwait(false);
        return new GatewayAction(GatewayActionKind.NewSession, "invalid session (not resumable)", true);
    }

    private string Token => _options.Token!.Trim();

    private static Uri GatewayUri(string url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord shard {ShardId}: identifying (shards {ShardCount}, intents {Intents}, {Remaining} session starts left today).")]
    private partial void LogIdentifying(int shardId, int shardCount, int intents, int remaining);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord shard {ShardId}: resuming from sequence {Sequence}.")]
    private partial void LogResuming(int shardId, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord shard {ShardId}: ready.")]
    private partial void LogReady(int shardId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord shard {ShardId}: resumed.")]
    private partial void LogResumed(int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord shard {ShardId}: {Reason}; {Action} in {DelayMs} ms.")]
    private partial void LogReconnecting(int shardId, string reason, GatewayActionKind action, int delayMs);
}
