using System.Text.Json;
using ChatBot.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Tests;

/// <summary>
/// The production host (ChatBotHostBuilder, real engine and knowledge, AddDiscordAdapter) pointed at a
/// fake Discord purely through configuration.
/// </summary>
public sealed class DiscordTestHost : IAsyncDisposable
{
    private DiscordTestHost(FakeDiscord fake, IHost host, CapturingLoggerProvider logs)
    {
        Fake = fake;
        Host = host;
        Logs = logs;
    }

    public FakeDiscord Fake { get; }

    public IHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<DiscordTestHost> StartAsync(Action<FakeDiscord>? arrange = null, IDictionary<string, string?>? settings = null, bool waitForReady = true, Action<IServiceCollection>? services = null)
    {
        var fake = await FakeDiscord.StartAsync();
        arrange?.Invoke(fake);
        var overrides = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Repository.Knowledge,
            ["Retrieval:Mode"] = "Lexical",
            ["Console:Enabled"] = "false",
            ["QuestionLog:Enabled"] = "false",
            ["Discord:Token"] = fake.Token,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Discord:Workers"] = "2",
            // Transport tests send bursts from one user; fair use is tested on its own, with it on.
            ["FairUse:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var builder = ChatBotHostBuilder.Create([], overrides);
        services?.Invoke(builder.Services);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        var host = builder.Build();
        await host.StartAsync();
        var test = new DiscordTestHost(fake, host, logs);
        if (waitForReady)
        {
            await Eventually.TrueAsync(() => fake.Gateway.IsReady, "gateway READY");
        }

        return test;
    }

    /// <summary>Messages created in Discord that reply to <paramref name="messageId"/>.</summary>
    public IReadOnlyList<JsonElement> RepliesTo(string messageId) => Fake.RepliesTo(messageId);

    public IReadOnlyList<RecordedRequest> RequestsTo(string pathPart, string method = "POST") =>
        Fake.Requests.Where(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await Host.StopAsync(cts.Token);
        }

        Host.Dispose();
        await Fake.DisposeAsync();
    }
}
