namespace ChatBot.Slack.Rendering;

/// <summary>The action ids our buttons carry and how their values are packed.</summary>
public static class ActionIds
{
    public const string RelatedPrefix = "related:";
    public const string FeedbackUp = "feedback_up";
    public const string FeedbackDown = "feedback_down";

    /// <summary>Feedback value: <c>{replyId}|{entryId}</c> (entry may be empty).</summary>
    public static string FeedbackValue(string replyId, string? entryId) => $"{replyId}|{entryId}";

    public static (string ReplyId, string? EntryId) ParseFeedbackValue(string value)
    {
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return (value, null);
        }

        var entry = value[(bar + 1)..];
        return (value[..bar], entry.Length == 0 ? null : entry);
    }
}
