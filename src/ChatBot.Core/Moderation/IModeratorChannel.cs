using ChatBot.Core.Replies;

namespace ChatBot.Core.Moderation;

/// <summary>An adapter's moderator channel: where notices meant for moderators go (knowledge reload reports).</summary>
public interface IModeratorChannel
{
    /// <summary>The platform's name as operators read it ("Discord", "Slack").</summary>
    string Platform { get; }

    /// <summary>The configured channel's id; null or empty when none is configured, and then nothing is posted.</summary>
    string? ChannelId { get; }

    /// <summary>
    /// Posts <paramref name="notice"/> to the channel through the adapter's one send path. <paramref name="postId"/>
    /// is the same for every retry of one notice, for a platform that can drop a repeated
    /// post (Discord's nonce).
    /// </summary>
    Task PostAsync(Reply notice, string postId, CancellationToken cancellationToken);
}
