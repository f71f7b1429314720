namespace ChatBot.Discord;

/// <summary>An error no retry can fix (bad token, disallowed intents…): the host must stop. The message is one line for the operator.</summary>
public sealed class DiscordFatalException : Exception
{
    public DiscordFatalException()
    {
    }

    public DiscordFatalException(string message)
        : base(message)
    {
    }

    public DiscordFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
