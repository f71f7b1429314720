using ChatBot.Core.Answering;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Host;

/// <summary>
/// Loads the knowledge and the model before any platform connects, so an invalid FAQ stops the start
/// and the first real question is answered at full speed.
/// </summary>
public sealed partial class StartupCheckService(
    IAnswerEngine engine,
    KnowledgeStore store,
    ILogger<StartupCheckService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = engine.Ask("warm-up: what is magnesium l-threonate", new AskContext("startup"));
        LogLoaded(store.Current.Version, store.Current.Knowledge.Entries.Count, store.Current.Retriever.Mode);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge {Version} loaded: {Entries} entries, retrieval {Mode}")]
    private partial void LogLoaded(string version, int entries, RetrievalMode mode);
}
