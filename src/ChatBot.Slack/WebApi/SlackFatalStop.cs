using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.WebApi;

/// <summary>Stops the host after a fatal Slack error with one clear log line and exit code 1.</summary>
public sealed partial class SlackFatalStop
{
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<SlackFatalStop> _logger;
    private int _stopped;

    public SlackFatalStop(IHostApplicationLifetime lifetime, ILogger<SlackFatalStop> logger)
    {
        _lifetime = lifetime;
        _logger = logger;
    }

    public bool IsStopped => Volatile.Read(ref _stopped) == 1;

    public void Stop(string line)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        LogFatal(line);
        Environment.ExitCode = 1;
        _lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Line}")]
    private partial void LogFatal(string line);
}
