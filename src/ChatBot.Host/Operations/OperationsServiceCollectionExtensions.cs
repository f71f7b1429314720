using ChatBot.Core.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace ChatBot.Host.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>The host's own logger, which would report a failed background service a second time, with its stack trace.</summary>
    private const string HostLogCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// A background service that fails, or a fatal platform error, stops the bot with one clear line and the
    /// documented exit code (<see cref="BackgroundFailureService"/>), in place of the host's own handling.
    /// </summary>
    public static IServiceCollection AddBackgroundFailureStop(this IServiceCollection services)
    {
        services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        services.Configure<LoggerFilterOptions>(o => o.AddFilter(HostLogCategory, LogLevel.Critical));
        services.TryAddSingleton<FatalPlatformSignal>();
        services.AddHostedService<BackgroundFailureService>();
        return services;
    }

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
