namespace ChatBot.Core.QuestionLog.Reports;

/// <summary>Votes since <paramref name="Since"/> (each person's last vote on a reply counts once), per entry, most 👎 first.</summary>
public sealed record FeedbackReport(bool LogEnabled, DateTimeOffset Since, int Votes, IReadOnlyList<EntryFeedback> Entries)
{
    public static FeedbackReport Disabled(DateTimeOffset now) => new(false, now, 0, []);
}
