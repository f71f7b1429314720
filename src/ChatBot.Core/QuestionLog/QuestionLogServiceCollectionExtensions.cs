using ChatBot.Core.Answering;
using ChatBot.Core.QuestionLog.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.QuestionLog;

public static class QuestionLogServiceCollectionExtensions
{
    /// <summary>True unless <c>QuestionLog:Enabled</c> is false. The host runs the writer and purge loops only then.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue($"{QuestionLogOptions.Section}:{nameof(QuestionLogOptions.Enabled)}", true);

    /// <summary>
    /// The question log: observer and feedback sink (queue only; AddChatBotCore makes it the <c>IFeedbackSink</c>), writer, purger and reports. The store they
    /// use (<see cref="IQuestionLogStore"/>) is registered by ChatBot.Storage. With the log off only the
    /// reports are registered, saying it is off. Called by AddChatBotCore before its defaults, which it replaces.
    /// </summary>
    public static IServiceCollection AddQuestionLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        if (!IsEnabled(configuration))
        {
            services.TryAddSingleton<IModeratorReports, DisabledModeratorReports>();
            return services;
        }

        services.AddOptions<QuestionLogOptions>().Bind(configuration.GetSection(QuestionLogOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QuestionLogOptions>, QuestionLogOptionsValidator>());
        services.TryAddSingleton(sp => new QuestionLogQueue(sp.GetRequiredService<IOptions<QuestionLogOptions>>().Value.QueueCapacity));
        services.TryAddSingleton<UserIdHasher>();
        services.TryAddSingleton<QuestionLogWriter>();
        services.TryAddSingleton<QuestionLogPurger>();
        services.TryAddSingleton<IModeratorReports, ModeratorReports>();
        services.TryAddSingleton<IQuestionObserver, QuestionLogObserver>();
        services.TryAddSingleton<QuestionLogFeedbackSink>();
        return services;
    }
}
