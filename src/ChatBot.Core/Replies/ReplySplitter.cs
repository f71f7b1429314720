namespace ChatBot.Core.Replies;

/// <summary>
/// Splits a reply whose fixed sections are too long for one message of a platform (a message that raises many red
/// flags at once: every category's guidance is fixed, as are the caveats and the doctor advice) into several that
/// each fit. The guidance goes first, as many categories to a message as fit, most urgent first; the last part is
/// the reply itself with the guidance that is left. Every part carries the caveats and the doctor advice whole,
/// so none is ever seen without them. Each adapter says how it counts a message and what one may hold.
/// </summary>
public static class ReplySplitter
{
    /// <summary>The reply itself when it fits one message, else the parts to send in this order.</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="fixedSize">The size of a reply with nothing trimmable in it (<see cref="GuidanceOnly"/>), as the platform counts it.</param>
    /// <param name="limit">The most one message may hold.</param>
    /// <param name="answerRoom">What the part with the answer keeps for its trimmable sections at least.</param>
    public static IReadOnlyList<Reply> Split(Reply reply, Func<Reply, int> fixedSize, int limit, int answerRoom)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(fixedSize);
        if (reply.Safety.Count <= 1 || fixedSize(GuidanceOnly(reply, reply.Safety)) + answerRoom <= limit)
        {
            return [reply];
        }

        var parts = new List<Reply>();
        var group = new List<SafetyNotice>();
        foreach (var notice in ReplySections.SafetyInOrder(reply))
        {
            if (group.Count > 0 && fixedSize(GuidanceOnly(reply, [.. group, notice])) > limit)
            {
                parts.Add(GuidanceOnly(reply, group));
                group = [];
            }

            group.Add(notice);
        }

        if (fixedSize(GuidanceOnly(reply, group)) + answerRoom <= limit)
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
}
