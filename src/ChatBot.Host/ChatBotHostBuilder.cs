using ChatBot.Core;
using ChatBot.Discord;
using ChatBot.Host.ConsoleChat;
using ChatBot.Host.QuestionLog;
using ChatBot.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Host;

/// <summary>The composition root: configuration sources, Core, one line per adapter, the console chat as fallback.</summary>
public static class ChatBotHostBuilder
{
    public static HostApplicationBuilder Create(string[] args, IDictionary<string, string?>? overrides = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ApplicationName = "chatbot",
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Services.AddChatBotCore(builder.Configuration);
        builder.Services.AddHostedService<StartupCheckService>();
        builder.Services.AddHostedService<KnowledgeReloadService>();
        builder.Services.AddQuestionLogServices(builder.Configuration);
        var anyPlatform = false;
        if (DiscordServiceCollectionExtensions.IsConfigured(builder.Configuration))
        {
            builder.Services.AddDiscordAdapter(builder.Configuration);
            anyPlatform = true;
        }

        if (SlackServiceCollectionExtensions.IsConfigured(builder.Configuration))
        {
            builder.Services.AddSlackAdapter(builder.Configuration);
            anyPlatform = true;
        }

        if (!anyPlatform && builder.Configuration.GetValue("Console:Enabled", true))
        {
            builder.Services.AddHostedService<ConsoleChatService>();

            // The chat owns the terminal: logs go to stderr, and only warnings and errors.
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        return builder;
    }
}
