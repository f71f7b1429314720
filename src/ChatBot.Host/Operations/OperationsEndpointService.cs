using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace ChatBot.Host.Operations;

/// <summary>
/// The operator's endpoint on <see cref="OperationsOptions.Url"/>: <c>/healthz</c> (the process answers),
/// <c>/readyz</c> (knowledge serving, every platform connection up) and <c>/metrics</c> (Prometheus). A small
/// Kestrel app of its own, reading the bot's health checks and meter provider.
/// </summary>
internal sealed class OperationsEndpointService(IOptions<OperationsOptions> options, HealthCheckService health, MeterProvider? meters = null) : IHostedService, IAsyncDisposable
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Value.Url);
        _app = builder.Build();
        _app.MapGet("/healthz", context => ReportAsync(context, LiveTag));
        _app.MapGet("/readyz", context => ReportAsync(context, ReadyTag));
        if (options.Value.Prometheus && meters is not null)
        {
            _app.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
        }

        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ReportAsync(HttpContext context, string tag)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(tag), context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }
}
