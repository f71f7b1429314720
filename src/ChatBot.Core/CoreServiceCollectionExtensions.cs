using ChatBot.Core.Answering;
using ChatBot.Core.Conversations;
using ChatBot.Core.Coordination;
using ChatBot.Core.Delivery;
using ChatBot.Core.Feedback;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Moderation;
using ChatBot.Core.Operations;
using ChatBot.Core.QuestionLog;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The answer engine, the knowledge it serves, retrieval, feedback and the question log (its store comes from ChatBot.Storage).</summary>
    public static IServiceCollection AddChatBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => Embedder(sp.GetRequiredService<IOptions<RetrievalOptions>>().Value));
        services.TryAddSingleton<KnowledgeStore>();
        services.TryAddSingleton<KnowledgeWatcher>();
        services.TryAddSingleton<ModeratorCommands>();
        services.AddQuestionLog(configuration);
        services.TryAddSingleton<IQuestionObserver, NullQuestionObserver>();
        services.TryAddSingleton<QuestionsAhead>();
        services.TryAddSingleton<IAnswerEngine, AnswerEngine>();
        services.AddConversations(configuration);
        services.AddDelivery(configuration);
        services.AddFeedback(configuration);
        return services;
    }

    /// <summary>Whether a reply goes public or private (<see cref="DeliveryPlanner"/>) and its setting, section <c>Delivery</c>.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>());
        services.TryAddSingleton<DeliveryPlanner>();
        return services;
    }

    /// <summary>
    /// Keeps an adapter's older key for <see cref="DeliveryOptions.PublicSafetyGuidance"/> working, for that
    /// platform only. <paramref name="read"/> turns one of the values the key took into the setting (null: not one of them).
    /// </summary>
    public static IServiceCollection AddDeliveryAlias(this IServiceCollection services, IConfiguration configuration, string platform, string key, Func<string, SafetyGuidanceDelivery?> read)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliveryOptions>().PostConfigure(options => options.ApplyAlias(platform, key, configuration[key], read));
        return services;
    }

    /// <summary>
    /// Where 👍/👎 go, decided here and nowhere else: the question log when it is on, else memory. Adapters
    /// only consume <see cref="IFeedbackSink"/>, so the order in which projects register cannot change it.
    /// </summary>
    private static void AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<InMemoryFeedbackSink>();
        if (QuestionLogServiceCollectionExtensions.IsEnabled(configuration))
        {
            services.TryAddSingleton<IFeedbackSink>(sp => sp.GetRequiredService<QuestionLogFeedbackSink>());
        }
        else
        {
            services.TryAddSingleton<IFeedbackSink>(sp => sp.GetRequiredService<InMemoryFeedbackSink>());
        }
    }

    /// <summary>Where questions arrive (<see cref="QuestionDesk"/>): fair use per person and channel, and follow-ups.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FairUseOptions>().Bind(configuration.GetSection(FairUseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConversationOptions>().Bind(configuration.GetSection(ConversationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FairUseLimiter>();
        services.TryAddSingleton<ConversationMemory>();
        services.TryAddSingleton<QuestionDesk>();
        services.TryAddSingleton<SendLanes>();
        services.TryAddSingleton<ChatBotMetrics>();
        services.TryAddSingleton<ConnectionStatus>();
        services.TryAddSingleton<IInstanceCoordination, SingleInstanceCoordination>();
        services.TryAddSingleton<FatalPlatformSignal>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReloadNotifier, ReloadMetrics>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReloadNotifier, ModeratorChannelNotifier>());
        return services;
    }

    // The model file goes beside the embedding cache: the one folder the bot already writes for retrieval.
    private static ITextEmbedder Embedder(RetrievalOptions options) => options.Model switch
    {
        EmbeddingModel.MiniLm => new MiniLmEmbedder(options.CachePath),
        EmbeddingModel.ArcticXs => new ArcticXsEmbedder(),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Model, "Unknown embedding model."),
    };
}
