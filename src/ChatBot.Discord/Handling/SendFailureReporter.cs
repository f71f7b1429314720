using ChatBot.Core.Operations;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Handling;

/// <summary>What happens when handling an event or a send fails: a fatal platform error stops the host, anything else is logged and the bot goes on.</summary>
internal sealed partial class SendFailureReporter(FatalPlatformSignal fatal, ILogger<SendFailureReporter> logger)
{
    public void Report(string what, Exception exception)
    {
        if (exception is FatalPlatformException fatalError)
        {
            fatal.Raise(fatalError);
            return;
        }

        LogFailed(what, exception.GetType().Name, exception.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: handling {Type} failed ({Error}): {Message}")]
    private partial void LogFailed(string type, string error, string message);
}
