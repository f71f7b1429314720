namespace ChatBot.Core.QuestionLog.Reports;

/// <summary>
/// What the question log tells moderators: where the FAQ falls short and which entries people dislike.
/// Adapters (moderator commands) and the CLI render these records. When the log is off, reports come
/// back with <c>LogEnabled = false</c> and no rows. Store failures surface as exceptions.
/// </summary>
public interface IModeratorReports
{
    /// <summary>Unanswered, clarified and low-confidence questions of the last <paramref name="days"/> days, grouped by similarity, largest group first.</summary>
    Task<GapReport> GapsAsync(int days, CancellationToken cancellationToken);

    /// <summary>Entries with the most 👎 over the retention period, with sample questions.</summary>
    Task<FeedbackReport> FeedbackAsync(CancellationToken cancellationToken);
}
