using ChatBot.Core.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Host.Cli;

/// <summary>
/// <c>chatbot ask "QUESTION"</c> prints the reply as a user sees it. Without a question it reads one per
/// stdin line; with <c>--json</c> it writes exactly one JSON object per input line, blank lines included.
/// </summary>
public static class AskCommand
{
    public static async Task<int> RunAsync(CliArguments options, string[] words)
    {
        using var host = CliHost.Build(options);
        var engine = host.Services.GetRequiredService<IAnswerEngine>();
        var output = Console.Out;
        if (words.Length > 0)
        {
            await WriteAsync(output, engine, string.Join(' ', words), options.Json).ConfigureAwait(false);
            return 0;
        }

        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            await WriteAsync(output, engine, line, options.Json).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task WriteAsync(TextWriter output, IAnswerEngine engine, string question, bool json)
    {
        var reply = engine.Ask(question, new AskContext("cli"));
        if (json)
        {
            await output.WriteLineAsync(ReplyJson.Serialize(question, reply)).ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync(reply.Text).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
    }
}
