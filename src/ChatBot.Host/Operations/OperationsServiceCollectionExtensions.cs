using ChatBot.Core.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace ChatBot.Host.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Health checks, the bot's meter exported by OpenTelemetry, the operator's endpoint and the log format, as <c>Operations</c> says.</summary>
    public static void AddOperations(this HostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(OperationsOptions.Section);
        builder.Services.AddOptions<OperationsOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<OperationsOptions>() ?? new OperationsOptions();
        builder.Services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [OperationsEndpointService.LiveTag])
            .AddCheck<KnowledgeReadyCheck>("knowledge", tags: [OperationsEndpointService.ReadyTag])
            .AddCheck<PlatformsReadyCheck>("platforms", tags: [OperationsEndpointService.ReadyTag]);

        var prometheus = options.EndpointEnabled && options.Prometheus;
        var otlp = Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var collector);
        if (prometheus || otlp)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
            {
                metrics.AddMeter(ChatBotMetrics.MeterName);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = collector!);
                }
            });
        }

        if (options.EndpointEnabled)
        {
            builder.Services.AddHostedService<OperationsEndpointService>();
        }

        if (string.Equals(options.LogFormat, "json", StringComparison.Ordinal))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
    }
}
