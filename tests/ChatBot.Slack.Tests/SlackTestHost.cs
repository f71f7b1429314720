using ChatBot.Core.Answering;
using ChatBot.Core.Feedback;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using ChatBot.Host;
using ChatBot.Slack.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Tests;

/// <summary>
/// The production host (ChatBotHostBuilder: the real engine over the shipped knowledge, lexical matching,
/// AddSlackAdapter, the production answer to a failed service) pointed at a fake Slack purely through configuration,
/// as the Discord tests do. Two things are swapped in: the engine is wrapped in a <see cref="SteerableAnswerEngine"/>
/// (untouched, it answers as production does), and every host shares one loaded knowledge store, as loading the
/// shipped knowledge takes about a second and these tests never edit it (those that do use <see cref="ModeratorHost"/>).
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    private static readonly Lazy<KnowledgeStore> SharedKnowledge = new(() => new KnowledgeStore(
        Options.Create(new KnowledgeOptions { Path = Repository.Knowledge }),
        Options.Create(new RetrievalOptions { Mode = RetrievalMode.Lexical }),
        new MiniLmEmbedder(),
        TimeProvider.System,
        NullLogger<KnowledgeStore>.Instance));

    /// <summary>The shipped knowledge as every host here serves it, for tests that compose replies from it directly.</summary>
    public static KnowledgeSnapshot Knowledge => SharedKnowledge.Value.Current;

    private SlackTestHost(IHost host, CapturingLoggerProvider logs)
    {
        Host = host;
        Logs = logs;
        Engine = (SteerableAnswerEngine)host.Services.GetRequiredService<IAnswerEngine>();
        var about = Engine.About();
        Caveat = about.Caveats[0];
        DoctorAdvice = about.DoctorAdvice;
    }

    public IHost Host { get; }

    public SteerableAnswerEngine Engine { get; }

    public InMemoryFeedbackSink Feedback => Host.Services.GetRequiredService<InMemoryFeedbackSink>();

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The standing caveat every reply carries.</summary>
    public string Caveat { get; }

    /// <summary>The general doctor advice (a safety notice brings its own).</summary>
    public string DoctorAdvice { get; }

    public static Dictionary<string, string?> Settings(FakeSlackServer fake)
    {
        var settings = fake.BotSettings();
        settings["Knowledge:Path"] = Repository.Knowledge;
        settings["Knowledge:Watch"] = "false";
        settings["Retrieval:Mode"] = "Lexical";
        settings["Console:Enabled"] = "false";
        settings["QuestionLog:Enabled"] = "false";
        // Transport tests send bursts into one channel; pacing is tested on its own, with short intervals.
        settings["Slack:ChannelPostInterval"] = "00:00:00";
        // Transport tests send bursts from one user; fair use is tested on its own, with it on.
        settings["FairUse:Enabled"] = "false";
        return settings;
    }

    /// <param name="time">The clock every timed wait in the host runs on (a <c>FakeTimeProvider</c> to step it); the system clock when null.</param>
    public static async Task<SlackTestHost> StartAsync(FakeSlackServer fake, Action<Dictionary<string, string?>>? configure = null, bool waitForSocket = true, TimeProvider? time = null)
    {
        var settings = Settings(fake);
        configure?.Invoke(settings);
        var builder = ChatBotHostBuilder.Create([], settings);
        builder.Services.AddSingleton(SharedKnowledge.Value);
        builder.Services.AddSingleton<IAnswerEngine>(sp => new SteerableAnswerEngine(ActivatorUtilities.CreateInstance<AnswerEngine>(sp)));
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        var host = builder.Build();
        await host.StartAsync();
        var started = new SlackTestHost(host, logs);
        if (waitForSocket)
        {
            var want = int.Parse(settings["Slack:Connections"]!, System.Globalization.CultureInfo.InvariantCulture);
            await Eventually.TrueAsync(() => fake.LiveSockets.Count >= want, "socket connections");
        }

        return started;
    }

    /// <summary>The text carries the standing caveat and doctor advice: the general advice, or a safety notice's own ("talk to your doctor…").</summary>
    public void AssertCarriesCaveatAndDoctorAdvice(string? text)
    {
        Assert.NotNull(text);
        Assert.Contains(SlackText.Escape(Caveat), text);
        Assert.Matches("[Tt]alk to (a|your) doctor", text);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Host.StopAsync(timeout.Token);
        Host.Dispose();
    }
}
