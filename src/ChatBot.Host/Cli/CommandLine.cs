using ChatBot.Core.Answering;

namespace ChatBot.Host.Cli;

/// <summary>
/// <c>chatbot</c> with no verb runs the bot (console chat when no platform is configured);
/// verbs: <c>ask</c>, <c>faq validate|preview|coverage|eval|gaps|feedback</c>, <c>log purge</c>. Exit codes: 0 ok, 1 invalid knowledge, 2 usage or configuration.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: chatbot [--knowledge DIR]                       run the bot (console chat without platform tokens, in a terminal)
               chatbot chat                                    the console chat, also for questions piped to it
               chatbot ask [--json] [QUESTION]                 answer one question, or one per stdin line
               chatbot faq validate [--knowledge DIR]          check the FAQ; exit code 1 on any error
               chatbot faq preview "QUESTION"                  top 5 candidates with scores and why
               chatbot faq coverage                            article sentences no entry cites
               chatbot faq eval FILE [--verbose]               replay a question set, print pass rates and misses
               chatbot faq gaps [--days N] [--json]            unanswered and low-confidence questions, grouped (default 7 days)
               chatbot faq feedback [--json]                   entries with the most thumbs-down, with sample questions
               chatbot log purge                               delete logged questions older than the retention now
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var (options, rest) = CliArguments.Parse(args);
        try
        {
            return rest switch
            {
                [] => await RunCommand.RunAsync(options, explicitChat: false),
                ["chat"] => await RunCommand.RunAsync(options, explicitChat: true),
                ["ask", .. var question] => await AskCommand.RunAsync(options, question),
                ["faq", "validate"] => FaqCommands.Validate(options),
                ["faq", "coverage"] => FaqCommands.Coverage(options),
                ["faq", "eval", var file] => EvalCommand.Run(options, file),
                ["faq", "preview", .. var question] when question.Length > 0 => FaqCommands.Preview(options, string.Join(' ', question)),
                ["faq", "gaps"] => await LogCommands.GapsAsync(options, null),
                ["faq", "gaps", "--days", var days] => await LogCommands.GapsAsync(options, days),
                ["faq", "feedback"] => await LogCommands.FeedbackAsync(options),
                ["log", "purge"] => await LogCommands.PurgeAsync(options),
                ["help" or "--help" or "-h"] => PrintUsage(0),
                _ => PrintUsage(2),
            };
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } line)
        {
            await Console.Error.WriteLineAsync($"chatbot: {line}");
            return e is KnowledgeInvalidException ? 1 : 2;
        }
    }

    private static int PrintUsage(int code)
    {
        (code == 0 ? Console.Out : Console.Error).WriteLine(Usage);
        return code;
    }
}
