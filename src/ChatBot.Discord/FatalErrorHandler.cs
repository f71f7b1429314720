using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord;

/// <summary>Stops the host on an error no retry can fix: one clear log line, exit code 1.</summary>
internal sealed partial class FatalErrorHandler
{
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<FatalErrorHandler> _logger;
    private int _stopped;

    public FatalErrorHandler(IHostApplicationLifetime lifetime, ILogger<FatalErrorHandler> logger)
    {
        _lifetime = lifetime;
        _logger = logger;
    }

    public string? Reason { get; private set; }

    public void Stop(string reason)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        Reason = reason;
        LogFatal(reason);
        Environment.ExitCode = 1;
        _lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped: {Reason}")]
    private partial void LogFatal(string reason);
}
