using ChatBot.Core.Answering;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Host.Startup;

/// <summary>
/// A bot connected to a platform runs for months: it has its safety patterns compiled in the background as it
/// starts (about 2,600 patterns, about 5 s of one core), so its first burst of questions runs them compiled. A
/// one-shot command or the console chat leaves them to compile as they get busy.
/// </summary>
public sealed class SafetyPatternCompileService(KnowledgeStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.Current.Safety.CompilePatternsSoon();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
