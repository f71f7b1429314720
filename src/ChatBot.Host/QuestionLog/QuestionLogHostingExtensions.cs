using ChatBot.Core.QuestionLog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Host.QuestionLog;

public static class QuestionLogHostingExtensions
{
    /// <summary>The question log's background loops (Core registers the rest in AddChatBotCore); nothing when the log is off.</summary>
    public static IServiceCollection AddQuestionLogServices(this IServiceCollection services, IConfiguration configuration)
    {
        if (QuestionLogServiceCollectionExtensions.IsEnabled(configuration))
        {
            services.AddHostedService<QuestionLogWriterService>();
            services.AddHostedService<QuestionLogPurgeService>();
        }

        return services;
    }
}
