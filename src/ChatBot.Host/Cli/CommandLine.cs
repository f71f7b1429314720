using ChatBot.Core.Answering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Host.Cli;

/// <summary>
/// <c>chatbot</c> with no verb runs the bot (console chat when no platform is configured);
/// verbs: <c>ask</c>, <c>faq validate|preview|coverage|eval|gaps|feedback</c>, <c>log purge</c>. Exit codes: 0 ok, 1 invalid knowledge, 2 usage or configuration.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: chatbot [--knowledge DIR]                       run the bot (console chat without platform tokens)
               chatbot ask [--json] [QUESTION]                 answer one question, or one per stdin line
               chatbot faq validate [--knowledge DIR]          check the FAQ; exit code 1 on any error
               chatbot faq preview "QUESTION"                  top 5 candidates with scores and why
               chatbot faq coverage                            article sentences no entry cites
               chatbot faq eval FILE [--verbose] [FLOORS]      replay a question set, print rates and misses; exit 1 below a floor
                                                               FLOORS: --min-answer R --min-no-answer R --min-recall R
                                                               --min-urgent-recall R --max-false-alarms R --max-replace-false-alarms R
               chatbot faq gaps [--days N] [--json]            unanswered and low-confidence questions, grouped (default 7 days)
               chatbot faq feedback [--json]                   entries with the most thumbs-down, with sample questions
               chatbot safety check "MESSAGE" [--json]         which red flags fire and why (pattern, nearest example, look-alike)
               chatbot log purge                               delete logged questions older than the retention now
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var (options, rest) = CliArguments.Parse(args);
        try
        {
            return rest switch
            {
                [] or ["chat"] => await RunHostAsync(options),
                ["ask", .. var question] => await AskCommand.RunAsync(options, question),
                ["faq", "validate"] => FaqCommands.Validate(options),
                ["faq", "coverage"] => FaqCommands.Coverage(options),
                ["faq", "eval", var file, .. var floors] when EvalCommand.ParseFloors(floors) is { } parsed => EvalCommand.Run(options, file, parsed),
                ["faq", "preview", .. var question] when question.Length > 0 => FaqCommands.Preview(options, string.Join(' ', question)),
                ["faq", "gaps"] => await LogCommands.GapsAsync(options, null),
                ["faq", "gaps", "--days", var days] => await LogCommands.GapsAsync(options, days),
                ["faq", "feedback"] => await LogCommands.FeedbackAsync(options),
                ["safety", "check", .. var message] when message.Length > 0 => SafetyCheckCommand.Run(options, string.Join(' ', message)),
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

    private static async Task<int> RunHostAsync(CliArguments options)
    {
        using var host = ChatBotHostBuilder.Create(options.HostArgs, options.Overrides).Build();

        // Check settings and knowledge before starting, so a bad value ends in our one line rather than the host's stack trace.
        host.Services.GetService<IStartupValidator>()?.Validate();
        _ = host.Services.GetRequiredService<KnowledgeStore>();
        await host.RunAsync();
        return Environment.ExitCode;
    }

    private static int PrintUsage(int code)
    {
        (code == 0 ? Console.Out : Console.Error).WriteLine(Usage);
        return code;
    }
}
