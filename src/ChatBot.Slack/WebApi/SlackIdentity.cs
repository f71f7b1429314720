namespace ChatBot.Slack.WebApi;

/// <summary>The bot's own ids from <c>auth.test</c>, used to ignore our own messages.</summary>
public sealed class SlackIdentity
{
    public string? UserId { get; private set; }

    public string? BotId { get; private set; }

    public void Set(string? userId, string? botId)
    {
        UserId = userId;
        BotId = botId;
    }
}
