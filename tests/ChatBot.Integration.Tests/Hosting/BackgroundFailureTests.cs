using ChatBot.Core.Operations;
using ChatBot.Host.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Integration.Tests.Hosting;

/// <summary>How the host ends when a background service fails: one line, and exit code 1 for a fatal platform error.</summary>
[Collection(ProcessExitCodeCollection.Name)]
public sealed class BackgroundFailureTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_fatal_platform_error_ending_a_service_stops_the_host_with_one_line_and_exit_code_1()
    {
        var logs = new CapturingLoggerProvider();
        using var host = Build(logs, s => s.AddHostedService(_ => new Failing(new FatalPlatformException("Test", "token refused; check Test:Token."))));

        var exitCode = await RunAsync(host);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(logs.Lines, l => l.Level >= LogLevel.Error);
        Assert.Equal(LogLevel.Critical, line.Level);
        Assert.Equal("Test adapter stopped: token refused; check Test:Token.", line.Message);
    }

    [Fact]
    public async Task A_fatal_platform_error_raised_outside_the_services_stops_the_host_the_same_way()
    {
        var logs = new CapturingLoggerProvider();
        using var host = Build(logs, _ => { });
        host.Services.GetRequiredService<FatalPlatformSignal>().Raise(new FatalPlatformException("Test", "app switched off."));

        var exitCode = await RunAsync(host);

        Assert.Equal(1, exitCode);
        Assert.Equal("Test adapter stopped: app switched off.", Assert.Single(logs.Lines, l => l.Level >= LogLevel.Error).Message);
    }

    [Fact]
    public async Task The_same_fatal_error_seen_by_two_services_is_reported_once()
    {
        var logs = new CapturingLoggerProvider();
        using var host = Build(logs, s =>
        {
            s.AddSingleton<IHostedService>(new Failing(new FatalPlatformException("Test", "token revoked.")));
            s.AddSingleton<IHostedService>(new Failing(new FatalPlatformException("Test", "token revoked.")));
        });

        var exitCode = await RunAsync(host);

        Assert.Equal(1, exitCode);
        Assert.Single(logs.Lines, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_bug_in_a_service_stops_the_host_with_one_line_and_exit_code_3_so_a_supervisor_restarts_it()
    {
        var logs = new CapturingLoggerProvider();
        using var host = Build(logs, s => s.AddHostedService(_ => new Failing(new InvalidOperationException("a bug"))));

        var exitCode = await RunAsync(host);

        Assert.Equal(3, exitCode);
        var line = Assert.Single(logs.Lines, l => l.Level >= LogLevel.Error);
        Assert.Equal(LogLevel.Critical, line.Level);
        Assert.Equal("Failing failed; stopping the bot.", line.Message);
    }

    private static IHost Build(CapturingLoggerProvider logs, Action<IServiceCollection> services)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddBackgroundFailureStop();
        services(builder.Services);
        return builder.Build();
    }

    /// <summary>Runs the host to its end and returns the exit code it left.</summary>
    private static async Task<int> RunAsync(IHost host)
    {
        try
        {
            await host.RunAsync().WaitAsync(Timeout);
            return Environment.ExitCode;
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    private sealed class Failing(Exception error) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw error;
        }
    }
}
