using ChatBot.Core.Answering;
using ChatBot.Core.Conversations;
using ChatBot.Core.Moderation;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Host.ConsoleChat;

/// <summary>
/// The chat in the terminal: runs when no chat platform is configured, so anyone can try the bot. Whoever
/// runs it runs the bot, so a line starting with <c>/</c> is a moderator command (<c>/status</c>, <c>/check …</c>), and
/// fair use does not apply. The chat is one conversation: short follow-ups ("source?") read the previous answer.
/// </summary>
public sealed class ConsoleChatService(
    IAnswerEngine engine,
    QuestionDesk desk,
    ModeratorCommands commands,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly AskContext Context = AskContext.Console with { UserId = "operator", Conversation = "console", Exempt = true };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var output = Console.Out;
        await output.WriteLineAsync(engine.About().Text).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("Ask a question about magnesium L-threonate and sleep (empty line or Ctrl+D to quit; /help for moderator commands).").ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ").ConfigureAwait(false);
            var line = await Console.In.ReadLineAsync(stoppingToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(line))
            {
                break;
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            var reply = line.StartsWith('/')
                ? await commands.RunAsync(line[1..], stoppingToken).ConfigureAwait(false)
                : desk.Ask(line, Context) ?? engine.Notice(NoticeKind.Error);
            await output.WriteLineAsync(reply.Text).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
        }

        lifetime.StopApplication();
    }
}
