using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Host.Cli;

/// <summary>
/// The production container for one-shot verbs: no console chat, logs to stderr at Warning and above.
/// Questions asked through the CLI are moderators testing, so they are not logged unless a verb reads the log.
/// </summary>
public static class CliHost
{
    /// <param name="options">The verb's options.</param>
    /// <param name="questionLog">The verb reads the question log.</param>
    /// <param name="fullGate">The verb checks the knowledge, so the start gate runs even for a version that passed it before.</param>
    public static IHost Build(CliArguments options, bool questionLog = false, bool fullGate = false)
    {
        var overrides = options.Overrides;
        overrides["Console:Enabled"] = "false";
        if (fullGate)
        {
            overrides["Knowledge:RememberPassedGate"] = "false";
        }

        if (!questionLog)
        {
            overrides["QuestionLog:Enabled"] = "false";
        }

        var builder = ChatBotHostBuilder.Create(options.HostArgs, overrides, options.ContentRoot);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder.Build();
    }
}
