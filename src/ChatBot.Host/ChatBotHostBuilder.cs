using ChatBot.Core;
using ChatBot.Discord;
using ChatBot.Host.ConsoleChat;
using ChatBot.Host.Operations;
using ChatBot.Host.QuestionLog;
using ChatBot.Host.Startup;
using ChatBot.Slack;
using ChatBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Host;

/// <summary>The composition root: configuration sources, Core, one line per adapter, the console chat as fallback.</summary>
public static class ChatBotHostBuilder
{
    /// <param name="args">Configuration overrides in <c>--Section:Key=value</c> form.</param>
    /// <param name="overrides">Settings that win over every other source (tests, CLI options).</param>
    /// <param name="contentRoot">The folder holding appsettings.json; null finds it (see <see cref="ContentRootLocator"/>).</param>
    public static HostApplicationBuilder Create(string[] args, IDictionary<string, string?>? overrides = null, string? contentRoot = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ApplicationName = "chatbot",
            ContentRootPath = ContentRootLocator.Find(contentRoot),
        });
        UserSecretsConfiguration.AddInEveryEnvironment(builder);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // Under systemd only: readiness (Type=notify), stopping on SIGTERM, and log lines with journald priorities.
        builder.Services.AddSystemd();
        builder.Services.AddChatBotCore(builder.Configuration);
        builder.AddOperations();
        builder.Services.AddBackgroundFailureStop();
        builder.Services.AddContentRootRelativePaths(builder.Environment.ContentRootPath);
        builder.Services.AddHostedService<StartupCheckService>();
        builder.Services.AddHostedService<KnowledgeReloadService>();
        builder.Services.AddQuestionLogServices(builder.Configuration);
        builder.Services.AddChatBotStorage(builder.Configuration);
        if (ConfiguredPlatforms.Any(builder.Configuration))
        {
            builder.Services.AddHostedService<SafetyPatternCompileService>();
        }

        if (ConfiguredPlatforms.Discord(builder.Configuration))
        {
            builder.Services.AddDiscordAdapter(builder.Configuration);
        }

        if (ConfiguredPlatforms.Slack(builder.Configuration))
        {
            builder.Services.AddSlackAdapter(builder.Configuration);
        }

        if (!ConfiguredPlatforms.Any(builder.Configuration) && ConsoleChatEnabled(builder.Configuration))
        {
            builder.Services.AddHostedService<ConsoleChatService>();

            // The chat owns the terminal: start-up notes and warnings meant for operators would land in the
            // conversation, so only errors are logged, and to stderr.
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Services.PostConfigure<LoggerFilterOptions>(o =>
            {
                o.Rules.Clear();
                o.MinLevel = LogLevel.Error;
            });
        }

        return builder;
    }

    public static bool ConsoleChatEnabled(IConfiguration configuration) => configuration.GetValue("Console:Enabled", true);
}
