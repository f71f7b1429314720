using ChatBot.Core.Answering;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Host.Operations;

/// <summary>Ready when a knowledge version is serving (start-up refuses to run without one), naming it.</summary>
internal sealed class KnowledgeReadyCheck(KnowledgeStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy($"knowledge {store.Current.Version}, {store.Current.Knowledge.Entries.Count} entries"));
}
