using ChatBot.Core.Delivery;
using ChatBot.Core.Operations;
using ChatBot.Discord.Configuration;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Handling;
using ChatBot.Discord.Interactions;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord;

/// <summary>
/// The Discord adapter: checks the token with <c>GET /gateway/bot</c>, registers the slash commands,
/// starts the event workers and one gateway client per shard. A fatal error (<see cref="FatalPlatformException"/>)
/// ends the service, and the host stops on it.
/// </summary>
internal sealed partial class DiscordBotService : BackgroundService
{
    private readonly DiscordOptions _options;
    private readonly GatewayInfoClient _info;
    private readonly DiscordRestClient _rest;
    private readonly CommandRegistrar _commands;
    private readonly DispatchRouter _router;
    private readonly DispatchHandler _handler;
    private readonly BotIdentity _identity;
    private readonly IdentifyThrottle _throttle;
    private readonly ConnectionStatus _status;
    private readonly ChatBotMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<DiscordBotService> _logger;
    private const string StartingShards = "discord gateway (starting)";

    /// <summary>Discord unreachable at start: up to 2 s before the first retry, doubling, never past 60 s.</summary>
    private static readonly Backoff Unreachable = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

    public DiscordBotService(
        IOptions<DiscordOptions> options,
        GatewayInfoClient info,
        DiscordRestClient rest,
        CommandRegistrar commands,
        DispatchRouter router,
        DispatchHandler handler,
        BotIdentity identity,
        IdentifyThrottle throttle,
        ConnectionStatus status,
        ChatBotMetrics metrics,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        (_options, _info, _rest, _commands, _router, _handler, _identity, _throttle, _status, _metrics, _time, _loggers) =
            (options.Value, info, rest, commands, router, handler, identity, throttle, status, metrics, time, loggers);
        _logger = loggers.CreateLogger<DiscordBotService>();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scope = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var workers = _router.MessageQueues.Select(queue => Task.Run(() => WorkAsync(queue, scope.Token), CancellationToken.None))
            .Append(Task.Run(() => _router.PumpAsync(scope.Token), CancellationToken.None))
            .Append(Task.Run(() => HandleInteractionsAsync(_router.Interactions, scope.Token), CancellationToken.None))
            .ToArray();
        // Not ready until the shards exist (each then reports itself until its READY).
        _status.Down(StartingShards);
        try
        {
            var info = await UntilReachableAsync(_info.GetAsync, scope.Token).ConfigureAwait(false);
            var applicationId = _options.ApplicationId is { Length: > 0 } configured ? configured : await UntilReachableAsync(ReadApplicationIdAsync, scope.Token).ConfigureAwait(false);
            _identity.ApplicationId = applicationId;
            await UntilReachableAsync(async ct => { await _commands.RegisterAsync(applicationId, ct).ConfigureAwait(false); return true; }, scope.Token).ConfigureAwait(false);

            var shardCount = _options.ShardCount ?? Math.Max(1, info.Shards);
            var shardIds = _options.ShardIds.Count > 0 ? _options.ShardIds : Enumerable.Range(0, shardCount).ToList();
            LogStarting(shardIds.Count, shardCount, info.SessionStartLimit.Remaining);
            var shards = shardIds.Select(id => new ShardClient(id, shardCount, _options, _info, _throttle, _router, _identity, _status, _metrics, _time, _loggers.CreateLogger<ShardClient>())).ToList();
            _status.Forget(StartingShards);
            await ServiceLoops.RunAsync(shards.Count, (i, ct) => shards[i].RunAsync(info.Url, ct), scope.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
        finally
        {
            await scope.CancelAsync().ConfigureAwait(false);
            _router.Complete();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
    }

    /// <summary>Retries start-up calls while Discord is unreachable or failing (5xx), logging once per attempt; 401 stays fatal.</summary>
    private async Task<T> UntilReachableAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or DiscordApiException { Status: >= 500 } && !cancellationToken.IsCancellationRequested)
            {
                var delay = Unreachable.Delay(attempt);
                LogUnreachable(ex.Message, attempt, delay.TotalSeconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<string> ReadApplicationIdAsync(CancellationToken cancellationToken)
    {
        var app = await _rest.SendAsync(DiscordRoute.GetCurrentApplication(), null, cancellationToken).ConfigureAwait(false);
        return app?.GetProperty("id").GetString() ?? throw new FatalPlatformException("Discord", "Discord did not return the application id: set Discord:ApplicationId.");
    }

    private async Task WorkAsync(System.Threading.Channels.ChannelReader<GatewayDispatch> queue, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var dispatch in queue.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await _handler.HandleAsync(dispatch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Starts each interaction as it arrives, so one that is slow to answer never holds the next past its 3-second
    /// window; each defers on its own clock (<see cref="DiscordOptions.DeferAfterMilliseconds"/>) when not ready.
    /// </summary>
    private async Task HandleInteractionsAsync(System.Threading.Channels.ChannelReader<GatewayDispatch> interactions, CancellationToken cancellationToken)
    {
        var running = new HashSet<Task>();
        try
        {
            await foreach (var dispatch in interactions.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                running.RemoveWhere(task => task.IsCompleted);
                running.Add(Task.Run(() => _handler.HandleAsync(dispatch, cancellationToken), CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interactions cut short by the shutdown.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord API unreachable ({Error}), attempt {Attempt}; retrying in {DelaySeconds:F1} s.")]
    private partial void LogUnreachable(string error, int attempt, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: starting {Shards} of {ShardCount} shards ({Remaining} session starts left today).")]
    private partial void LogStarting(int shards, int shardCount, int remaining);
}
