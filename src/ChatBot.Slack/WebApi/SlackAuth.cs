namespace ChatBot.Slack.WebApi;

/// <summary><c>auth.test</c> at start: proves the bot token and learns our own user and bot ids. Token errors throw <see cref="Core.Operations.FatalPlatformException"/> (from the client).</summary>
public static class SlackAuth
{
    public static async Task IdentifyAsync(SlackApiClient api, SlackIdentity identity, CancellationToken cancellationToken)
    {
        var auth = await api.CallAsync("auth.test", null, null, cancellationToken).ConfigureAwait(false);
        if (!auth.Ok)
        {
            throw new SlackTransientException($"Slack auth.test failed ({auth.Error}).");
        }

        identity.Set(auth.GetString("user_id"), auth.GetString("bot_id"));
    }
}
