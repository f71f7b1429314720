using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Host.Cli;

/// <summary>The production container for one-shot verbs: no console chat, logs to stderr at Warning and above.</summary>
public static class CliHost
{
    public static IHost Build(CliArguments options)
    {
        var overrides = options.Overrides;
        overrides["Console:Enabled"] = "false";
        var builder = ChatBotHostBuilder.Create(options.HostArgs, overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder.Build();
    }
}
