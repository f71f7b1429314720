namespace ChatBot.Slack.WebApi;

/// <summary>An error no retry can fix (bad or revoked token, Socket Mode disabled). The adapter stops the host.</summary>
public sealed class SlackFatalException : Exception
{
    public SlackFatalException(string message)
        : base(message)
    {
    }

    public SlackFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackFatalException()
    {
    }
}
