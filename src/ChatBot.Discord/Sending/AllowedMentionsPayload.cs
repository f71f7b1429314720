namespace ChatBot.Discord.Sending;

/// <summary><c>MessageAllowedMentionsRequest</c>.</summary>
internal sealed record AllowedMentionsPayload(IReadOnlyList<string> Parse, bool RepliedUser)
{
    /// <summary>Nobody is pinged: no @everyone/@here, no roles, no users, not even the person replied to.</summary>
    public static AllowedMentionsPayload None { get; } = new([], false);
}
