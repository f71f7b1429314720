namespace ChatBot.Core.QuestionLog.Reports;

/// <summary>The reports when <c>QuestionLog:Enabled</c> is false: empty, and saying so.</summary>
public sealed class DisabledModeratorReports(TimeProvider time) : IModeratorReports
{
    public Task<GapReport> GapsAsync(int days, CancellationToken cancellationToken) =>
        Task.FromResult(GapReport.Disabled(days, time.GetUtcNow()));

    public Task<FeedbackReport> FeedbackAsync(CancellationToken cancellationToken) =>
        Task.FromResult(FeedbackReport.Disabled(time.GetUtcNow()));
}
