namespace ChatBot.Discord.Interactions;

/// <summary>
/// The <c>custom_id</c>s of our buttons: <c>faq:{entryId}</c> shows an entry, <c>fb:{1|0}:{replyId}:{entryId}</c>
/// records feedback. Each is checked against Discord's 100-character limit before use.
/// </summary>
internal static class CustomIds
{
    private const string EntryPrefix = "faq:";
    private const string FeedbackPrefix = "fb:";

    public static string Entry(string entryId) => EntryPrefix + entryId;

    public static string Feedback(bool helpful, string replyId, string? entryId) =>
        $"{FeedbackPrefix}{(helpful ? 1 : 0)}:{replyId}:{entryId}";

    public static bool TryParseEntry(string customId, out string entryId)
    {
        entryId = customId.StartsWith(EntryPrefix, StringComparison.Ordinal) ? customId[EntryPrefix.Length..] : "";
        return entryId.Length > 0;
    }

    public static bool TryParseFeedback(string customId, out bool helpful, out string replyId, out string? entryId)
    {
        helpful = false;
        replyId = "";
        entryId = null;
        if (!customId.StartsWith(FeedbackPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = customId[FeedbackPrefix.Length..].Split(':', 3);
        if (parts.Length != 3 || parts[0] is not ("0" or "1") || parts[1].Length == 0)
        {
            return false;
        }

        helpful = parts[0] == "1";
        replyId = parts[1];
        entryId = parts[2].Length > 0 ? parts[2] : null;
        return true;
    }
}
