using ChatBot.Core.Coordination;
using ChatBot.Core.Operations;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Handling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Dispatch;

/// <summary>
/// Runs handler work off the receive loops: N workers drain <see cref="SlackWorkQueue"/>. Each piece of
/// work is claimed among all instances first, so a retry Slack sends to another instance's socket (or,
/// in HTTP mode, through the load balancer to another instance) is answered once. An event whose reply could
/// not go out at all is given back, claim and all, so Slack's redelivery of it is answered. A fatal platform error
/// (<see cref="FatalPlatformException"/>) ends every worker and the service with it; the host stops on it.
/// </summary>
public sealed partial class SlackWorkerService(
    SlackWorkQueue queue,
    SlackInboundHandler handler,
    IOptions<SlackOptions> options,
    IInstanceCoordination coordination,
    ILogger<SlackWorkerService> logger) : BackgroundService
{
    /// <summary>Longer than Slack's last retry (about 5 minutes after the first delivery in HTTP mode).</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(15);

    private readonly SlackWorkQueue _queue = queue;
    private readonly SlackInboundHandler _handler = handler;
    private readonly SlackOptions _options = options.Value;
    private readonly IInstanceCoordination _coordination = coordination;
    private readonly ILogger<SlackWorkerService> _logger = logger;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ServiceLoops.RunAsync(_options.Workers, (_, token) => WorkAsync(token), stoppingToken);

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var inbound in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var keys = inbound.DedupeKeys().Select(key => "slack:" + key).ToList();
                    if (await _coordination.ClaimAsync(keys, ClaimFor, stoppingToken).ConfigureAwait(false))
                    {
                        await _handler.HandleAsync(inbound, () => GiveBackAsync(inbound, keys), stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not FatalPlatformException)
                {
                    LogHandlerFailed(ex, inbound.Kind);
                }
                finally
                {
                    inbound.Ack?.Expire();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// The reply never went out: forgets the work was seen, here and among the instances, so Slack's redelivery of the
    /// event is answered (the claim first, so a redelivery let through here is never refused by a stale claim).
    /// Runs on a send lane after the fact; it never throws.
    /// </summary>
    private async Task GiveBackAsync(SlackInbound inbound, IReadOnlyCollection<string> keys)
    {
        try
        {
            await _coordination.ReleaseAsync(keys, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A claim that stays only means a redelivery is not answered; the local key is still given back.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReleaseFailed(ex);
        }

        _queue.Release(inbound);
        LogGivenBack(string.Join(", ", inbound.DedupeKeys()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: the reply to {Keys} could not be sent; a redelivery of the event will be answered.")]
    private partial void LogGivenBack(string keys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: giving back the claim of an unanswered event failed.")]
    private partial void LogReleaseFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack: handling a {Kind} failed.")]
    private partial void LogHandlerFailed(Exception exception, InboundKind kind);
}
