using ChatBot.Core.Replies;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// Splits a reply whose fixed sections are too long for one ephemeral message (a message that raises many red
/// flags at once: every category's guidance is fixed, as are the caveats and the doctor advice) into several
/// that each fit. The guidance goes first, as many categories to a message as fit, most urgent first; the last
/// part is the reply itself with the guidance that is left. Every part carries the caveats and the doctor advice
/// whole, so none of them is ever seen without them.
/// </summary>
public static class EphemeralParts
{
    /// <summary>What the part with the answer keeps for its trimmable sections (message, answer, quotes, buttons) at least.</summary>
    private const int AnswerRoomBytes = 1500;

    /// <summary>The reply itself when it fits one ephemeral message, else the parts to send in this order.</summary>
    public static IReadOnlyList<Reply> Of(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Safety.Count <= 1 || Fits(GuidanceOnly(reply, reply.Safety), AnswerRoomBytes))
        {
            return [reply];
        }

        var parts = new List<Reply>();
        var group = new List<SafetyNotice>();
        foreach (var notice in ReplySections.SafetyInOrder(reply))
        {
            if (group.Count > 0 && !Fits(GuidanceOnly(reply, [.. group, notice])))
            {
                parts.Add(GuidanceOnly(reply, group));
                group = [];
            }

            group.Add(notice);
        }

        if (Fits(GuidanceOnly(reply, group), AnswerRoomBytes))
        {
            parts.Add(reply with { Safety = group });
        }
        else
        {
            parts.Add(GuidanceOnly(reply, group));
            parts.Add(reply with { Safety = [] });
        }

        return parts;
    }

    /// <summary>The guidance of <paramref name="notices"/> with the reply's title, caveats and doctor advice, and nothing trimmable.</summary>
    private static Reply GuidanceOnly(Reply reply, IReadOnlyList<SafetyNotice> notices) => reply with
    {
        Safety = notices,
        Outcome = ReplyOutcome.Notice,
        Message = "",
        Answer = "",
        Citations = [],
        Evidence = "",
        Related = [],
        Choices = [],
    };

    /// <summary>Whether the reply rendered ephemerally stays within Slack's limit, <paramref name="spare"/> bytes to spare.</summary>
    private static bool Fits(Reply reply, int spare = 0) =>
        BlockKitRenderer.CountedBytes(new BlockKitRenderer().RenderEphemeral(reply)) + spare <= BlockLimits.EphemeralTextBytes;
}
