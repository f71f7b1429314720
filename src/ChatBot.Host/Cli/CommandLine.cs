using System.CommandLine;
using ChatBot.Core.Answering;

namespace ChatBot.Host.Cli;

/// <summary>
/// Entry point of <c>chatbot</c>: configuration overrides are taken out, the rest is parsed by
/// <see cref="ChatBotCommandTree"/>. Bad usage exits 2 with one line per problem; a failed start exits with one
/// line naming the setting or file (1 for invalid knowledge, 2 for configuration).
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (settings, words) = ConfigurationOverrides.Split(args);
        var tree = new ChatBotCommandTree(settings, literalWords: words.Contains("--"));

        // No response files: "@everyone" is a question to test, not a file to read.
        var parse = tree.Root.Parse(words, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            return ParseErrorReport.Write(parse, Console.Error);
        }

        try
        {
            // Ctrl+C belongs to the host, which stops the bot cleanly; exceptions end in the one line below.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }).ConfigureAwait(false);
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } line)
        {
            await Console.Error.WriteLineAsync($"chatbot: {line}").ConfigureAwait(false);
            return e is KnowledgeInvalidException ? 1 : 2;
        }
    }
}
