namespace ChatBot.Slack.WebApi;

/// <summary>A Slack failure worth retrying later (outage, internal_error).</summary>
public sealed class SlackTransientException : Exception
{
    public SlackTransientException(string message)
        : base(message)
    {
    }

    public SlackTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackTransientException()
    {
    }
}
