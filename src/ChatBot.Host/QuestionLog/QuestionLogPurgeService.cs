using ChatBot.Core.QuestionLog;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Host.QuestionLog;

/// <summary>Enforces the question log's retention: a purge at start, then every <c>QuestionLog:PurgeInterval</c>.</summary>
public sealed class QuestionLogPurgeService(QuestionLogPurger purger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => purger.RunAsync(stoppingToken);
}
