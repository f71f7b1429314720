namespace ChatBot.Core.Operations;

/// <summary>
/// An error no retry can fix: a token the platform refuses, Socket Mode switched off, intents the application may
/// not use. A person has to act, so the bot stops: the exception ends the adapter's service, and the host turns it
/// into one log line naming the platform and the cause, and exit code 1. The message is that cause: one line for
/// the operator, naming the setting to check and never its value.
/// </summary>
public sealed class FatalPlatformException(string platform, string reason) : Exception(reason)
{
    /// <summary>Which adapter stopped: "Discord" or "Slack".</summary>
    public string Platform { get; } = platform;
}
