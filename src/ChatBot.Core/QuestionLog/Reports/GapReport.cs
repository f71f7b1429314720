namespace ChatBot.Core.QuestionLog.Reports;

/// <summary>
/// The FAQ's gaps over a period. <paramref name="Questions"/> counts every question logged since
/// <paramref name="Since"/>; <paramref name="Gaps"/> those answered badly; <paramref name="Withheld"/>
/// those among them whose text was not stored (a safety flag was raised), which cannot be grouped.
/// </summary>
public sealed record GapReport(
    bool LogEnabled,
    int Days,
    DateTimeOffset Since,
    int Questions,
    int Gaps,
    int Withheld,
    IReadOnlyList<QuestionGroup> Groups)
{
    public static GapReport Disabled(int days, DateTimeOffset now) => new(false, days, now - TimeSpan.FromDays(days), 0, 0, 0, []);
}
