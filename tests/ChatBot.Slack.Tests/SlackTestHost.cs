using ChatBot.Core;
using ChatBot.Core.Answering;
using ChatBot.Core.Feedback;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using ChatBot.Host.Operations;
using ChatBot.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Tests;

/// <summary>
/// The production <c>AddChatBotCore</c> and <c>AddSlackAdapter</c> registrations in a real host, pointed at the fake
/// by configuration, with the production host's answer to a failed service (one line, exit code). A stand-in
/// engine, an in-memory feedback sink and one knowledge store shared by every host (loading the knowledge takes
/// about a second) are registered first; Core's defaults yield to them.
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    private static readonly Lazy<KnowledgeStore> SharedKnowledge = new(() => new KnowledgeStore(
        Options.Create(new KnowledgeOptions { Path = Repository.Knowledge }),
        Options.Create(new RetrievalOptions { Mode = RetrievalMode.Lexical }),
        new MiniLmEmbedder(),
        TimeProvider.System,
        NullLogger<KnowledgeStore>.Instance));

    private SlackTestHost(IHost host, StubAnswerEngine engine, InMemoryFeedbackSink feedback, CapturingLoggerProvider logs)
    {
        Host = host;
        Engine = engine;
        Feedback = feedback;
        Logs = logs;
    }

    public IHost Host { get; }

    public StubAnswerEngine Engine { get; }

    public InMemoryFeedbackSink Feedback { get; }

    public CapturingLoggerProvider Logs { get; }

    public static Dictionary<string, string?> Settings(FakeSlackServer fake)
    {
        var settings = fake.BotSettings();
        // Transport tests send bursts into one channel; pacing is tested on its own, with short intervals.
        settings["Slack:ChannelPostInterval"] = "00:00:00";
        // Transport tests send bursts from one user; fair use is tested on its own, with it on.
        settings["FairUse:Enabled"] = "false";
        return settings;
    }

    /// <summary>Core's settings: the shipped knowledge without embeddings, and no question log file.</summary>
    private static Dictionary<string, string?> CoreSettings => new()
    {
        ["Knowledge:Path"] = Repository.Knowledge,
        ["Retrieval:Mode"] = "Lexical",
        ["QuestionLog:Enabled"] = "false",
    };

    public static IHost Build(Dictionary<string, string?> settings, StubAnswerEngine engine, InMemoryFeedbackSink feedback, CapturingLoggerProvider logs)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(CoreSettings).AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton<IAnswerEngine>(engine);
        builder.Services.AddSingleton<IFeedbackSink>(feedback);
        builder.Services.AddSingleton(SharedKnowledge.Value);
        builder.Services.AddChatBotCore(builder.Configuration);
        builder.Services.AddSlackAdapter(builder.Configuration);
        builder.Services.AddBackgroundFailureStop();
        return builder.Build();
    }

    public static async Task<SlackTestHost> StartAsync(FakeSlackServer fake, Action<Dictionary<string, string?>>? configure = null, bool waitForSocket = true)
    {
        var settings = Settings(fake);
        configure?.Invoke(settings);
        var engine = new StubAnswerEngine();
        var feedback = new InMemoryFeedbackSink();
        var logs = new CapturingLoggerProvider();
        var host = Build(settings, engine, feedback, logs);
        await host.StartAsync();
        var started = new SlackTestHost(host, engine, feedback, logs);
        if (waitForSocket)
        {
            var want = int.Parse(settings["Slack:Connections"]!, System.Globalization.CultureInfo.InvariantCulture);
            await Eventually.TrueAsync(() => fake.LiveSockets.Count >= want, "socket connections");
        }

        return started;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Host.StopAsync(timeout.Token);
        Host.Dispose();
    }
}
