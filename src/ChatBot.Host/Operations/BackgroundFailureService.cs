using ChatBot.Core.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Host.Operations;

/// <summary>
/// Stops the bot when a background service ends with an exception, or when work outside the services reports a
/// fatal error (<see cref="FatalPlatformSignal"/>). A <see cref="FatalPlatformException"/> needs a person (a token
/// the platform refuses, Socket Mode switched off): one Critical line naming the platform and the cause, and exit
/// code 1, which the systemd unit does not restart on. Anything else is a bug: one Critical line with its stack
/// trace. The exit code is set before the stop begins, so whoever sees the stop sees the code. The first failure
/// decides; a fatal error seen again by another service is not repeated.
/// <para>
/// It takes the place of the host's own handling (<see cref="OperationsServiceCollectionExtensions.AddBackgroundFailureStop"/>
/// turns that off), which would log each failure twice with a stack trace and leave exit code 0.
/// </para>
/// </summary>
internal sealed partial class BackgroundFailureService(
    IServiceProvider services,
    FatalPlatformSignal fatal,
    IHostApplicationLifetime lifetime,
    ILogger<BackgroundFailureService> logger) : IHostedLifecycleService
{
    /// <summary>Documented in docs/operations.md: a token Discord or Slack refuses.</summary>
    public const int FatalExitCode = 1;

    /// <summary>
    /// Documented in docs/operations.md: a service failed for a reason no setting explains (a bug, the
    /// machine). Unlike 1 and 2 it is worth a restart, so a supervisor's on-failure policy brings the bot back.
    /// </summary>
    public const int UnexpectedFailureExitCode = 3;

    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _watching = Task.CompletedTask;
    private int _failures;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every service has started by now, so every background service has its task.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var running = services.GetServices<IHostedService>().OfType<BackgroundService>()
            .Where(service => service.ExecuteTask is not null)
            .ToDictionary(service => service.ExecuteTask!, service => service.GetType().Name);
        _watching = WatchAsync(running);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every service has stopped: what they threw on the way out has been reported; the watch ends.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        _stopped.TrySetResult();
        await _watching.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WatchAsync(Dictionary<Task, string> running)
    {
        // In the order they end; services that ended before the stop come out before it.
        await foreach (var ended in Task.WhenEach([.. running.Keys, fatal.Raised, _stopped.Task]).ConfigureAwait(false))
        {
            if (ended == _stopped.Task)
            {
                return;
            }

            if (ended == fatal.Raised)
            {
                Fail(fatal.Raised.Result, nameof(FatalPlatformSignal));
            }
            else if (ended.IsFaulted)
            {
                Fail(ended.Exception.InnerException ?? ended.Exception, running[ended]);
            }
        }
    }

    private void Fail(Exception error, string source)
    {
        var first = Interlocked.Increment(ref _failures) == 1;
        var stopping = lifetime.ApplicationStopping.IsCancellationRequested;
        switch (error)
        {
            case FatalPlatformException when !first:
                return;
            case FatalPlatformException platform:
                Environment.ExitCode = FatalExitCode;
                LogFatal(platform.Platform, platform.Message);
                break;
            case var _ when first && !stopping:
                Environment.ExitCode = UnexpectedFailureExitCode;
                LogFailed(error, source);
                break;
            default:
                LogFailedWhileStopping(error, source);
                break;
        }

        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Platform} adapter stopped: {Reason}")]
    private partial void LogFatal(string platform, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Service} failed; stopping the bot.")]
    private partial void LogFailed(Exception exception, string service);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service} failed while the bot was stopping.")]
    private partial void LogFailedWhileStopping(Exception exception, string service);
}
