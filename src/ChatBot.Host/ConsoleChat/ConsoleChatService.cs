using ChatBot.Core.Answering;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Host.ConsoleChat;

/// <summary>The chat in the terminal: runs when no chat platform is configured, so anyone can try the bot.</summary>
public sealed class ConsoleChatService(IAnswerEngine engine, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var output = Console.Out;
        await output.WriteLineAsync(engine.About().Text);
        await output.WriteLineAsync();
        await output.WriteLineAsync("Ask a question about magnesium L-threonate and sleep (empty line or Ctrl+D to quit).");
        while (!stoppingToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            var line = await Console.In.ReadLineAsync(stoppingToken);
            if (string.IsNullOrWhiteSpace(line))
            {
                break;
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync(engine.Ask(line, AskContext.Console).Text);
            await output.WriteLineAsync();
        }

        lifetime.StopApplication();
    }
}
