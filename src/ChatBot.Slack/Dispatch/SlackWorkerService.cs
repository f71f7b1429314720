using ChatBot.Slack.Configuration;
using ChatBot.Slack.Handling;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Dispatch;

/// <summary>Runs handler work off the receive loops: N workers drain <see cref="SlackWorkQueue"/>.</summary>
public sealed partial class SlackWorkerService : BackgroundService
{
    private readonly SlackWorkQueue _queue;
    private readonly SlackInboundHandler _handler;
    private readonly SlackFatalStop _fatal;
    private readonly SlackOptions _options;
    private readonly ILogger<SlackWorkerService> _logger;

    public SlackWorkerService(SlackWorkQueue queue, SlackInboundHandler handler, SlackFatalStop fatal, IOptions<SlackOptions> options, ILogger<SlackWorkerService> logger)
    {
        _queue = queue;
        _handler = handler;
        _fatal = fatal;
        _options = options.Value;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var inbound in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await _handler.HandleAsync(inbound, stoppingToken).ConfigureAwait(false);
                }
                catch (SlackFatalException ex)
                {
                    _fatal.Stop(ex.Message);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack: handling a {Kind} failed.")]
    private partial void LogHandlerFailed(Exception exception, InboundKind kind);
}
