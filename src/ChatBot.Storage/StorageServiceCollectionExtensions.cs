using ChatBot.Core.Coordination;
using ChatBot.Core.Operations;
using ChatBot.Core.QuestionLog;
using ChatBot.Storage.Coordination;
using ChatBot.Storage.QuestionLog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Everything Storage implements for Core: the question log's store and the coordination of instances.</summary>
    public static IServiceCollection AddChatBotStorage(this IServiceCollection services, IConfiguration configuration) =>
        services.AddQuestionLogStore(configuration).AddCoordination(configuration);

    /// <summary>
    /// The question log's store (<c>QuestionLog:Provider</c>: a SQLite file by default, or PostgreSQL) and the
    /// check that its connection string parses. Nothing when the log is off. Core registers the rest of the log.
    /// </summary>
    public static IServiceCollection AddQuestionLogStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (!QuestionLogServiceCollectionExtensions.IsEnabled(configuration))
        {
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QuestionLogOptions>, QuestionLogConnectionStringValidator>());
        services.TryAddSingleton<IQuestionLogStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<QuestionLogOptions>>().Value;
            return options.Provider == QuestionLogProvider.Postgres
                ? PostgresQuestionLogStore.Create(options.EffectiveConnectionString)
                : SqliteQuestionLogStore.Create(options.EffectiveConnectionString);
        });
        return services;
    }

    /// <summary>
    /// How this instance shares work with others (<c>Coordination</c> section): alone by default, or through
    /// PostgreSQL, whose connection string defaults to the question log's when that is PostgreSQL too.
    /// Replaces the single-instance default Core registers.
    /// </summary>
    public static IServiceCollection AddCoordination(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CoordinationOptions>()
            .Bind(configuration.GetSection(CoordinationOptions.Section))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.ConnectionString) && IsPostgresQuestionLog(configuration))
                {
                    options.ConnectionString = configuration["QuestionLog:ConnectionString"] ?? "";
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CoordinationOptions>, CoordinationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // Replaces Core's single-instance default, whatever the order of registration.
        services.Replace(ServiceDescriptor.Singleton<IInstanceCoordination>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CoordinationOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return options.Mode == CoordinationMode.Postgres
                ? new PostgresInstanceCoordination(options.ConnectionString, sp.GetRequiredService<ChatBotMetrics>(), time, sp.GetRequiredService<ILogger<PostgresInstanceCoordination>>())
                : new SingleInstanceCoordination(time);
        }));
        return services;
    }

    private static bool IsPostgresQuestionLog(IConfiguration configuration) =>
        string.Equals(configuration["QuestionLog:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);
}
