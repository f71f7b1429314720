using ChatBot.Core.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Host.Operations;

/// <summary>Ready when every platform connection is up: each Discord shard READY, each Slack socket connected.</summary>
internal sealed class PlatformsReadyCheck(ConnectionStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var down = status.Down();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy("every connection is up")
            : HealthCheckResult.Unhealthy("down: " + string.Join(", ", down)));
    }
}
