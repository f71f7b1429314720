using ChatBot.Core.Replies;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// A reply for one person's eyes, as the messages Slack accepts: one, or several when its fixed sections are too
/// long for one ephemeral message (Core's <see cref="ReplySplitter"/>), counted as Slack counts them.
/// </summary>
public static class EphemeralParts
{
    /// <summary>What the part with the answer keeps for its trimmable sections (message, answer, quotes, buttons) at least.</summary>
    private const int AnswerRoomBytes = 1500;

    /// <summary>The reply itself when it fits one ephemeral message, else the parts to send in this order.</summary>
    public static IReadOnlyList<Reply> Of(Reply reply) =>
        ReplySplitter.Split(reply, r => BlockKitRenderer.CountedBytes(new BlockKitRenderer().RenderEphemeral(r)), BlockLimits.EphemeralTextBytes, AnswerRoomBytes);
}
