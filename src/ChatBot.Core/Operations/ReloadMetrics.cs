using ChatBot.Core.Answering;

namespace ChatBot.Core.Operations;

/// <summary>Counts every knowledge reload by result.</summary>
public sealed class ReloadMetrics(ChatBotMetrics metrics) : IReloadNotifier
{
    public Task NotifyAsync(ReloadReport report, CancellationToken cancellationToken)
    {
        metrics.Reloaded(!report.Applied ? "rejected" : report.Changed ? "applied" : "unchanged");
        return Task.CompletedTask;
    }
}
