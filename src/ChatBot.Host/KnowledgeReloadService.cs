using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Host;

/// <summary>Runs the knowledge watcher for as long as the bot runs, unless <c>Knowledge:Watch</c> is off.</summary>
public sealed class KnowledgeReloadService(KnowledgeWatcher watcher, IOptions<KnowledgeOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Watch ? watcher.RunAsync(stoppingToken) : Task.CompletedTask;
}
