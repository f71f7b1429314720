using ChatBot.Core;
using ChatBot.Core.Answering;
using ChatBot.Core.Delivery;
using ChatBot.Core.Feedback;
using ChatBot.Core.Moderation;
using ChatBot.Core.Operations;
using ChatBot.Discord.Configuration;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Handling;
using ChatBot.Discord.Interactions;
using ChatBot.Discord.Moderation;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;
using ChatBot.Discord.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord;

/// <summary>Registers the Discord adapter. Needs Core's registrations (<c>AddChatBotCore</c>) in the container.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>The adapter and its bot service; the host calls it only when Discord is configured. Settings are checked at start.</summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.AddDeliveryAlias(configuration, DiscordOptions.Platform, DiscordOptions.PublicSafetyModeKey, OldPublicSafetyMode);
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(DiscordRestClient.HttpClientName, (provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
            http.DefaultRequestHeaders.UserAgent.ParseAdd($"DiscordBot ({options.UserAgentUrl}, 1.0)");
            http.Timeout = TimeSpan.FromSeconds(15);
        }).RemoveAllLoggers(); // Interaction and webhook URLs carry tokens; DiscordRestClient logs routes without them.

        services.TryAddSingleton<RateLimiter>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<DiscordMessenger>();
        services.TryAddSingleton<ReplyRenderer>();
        services.TryAddSingleton<GatewayInfoClient>();
        services.TryAddSingleton<IdentifyThrottle>();
        services.TryAddSingleton<BotIdentity>();
        services.TryAddSingleton<DispatchRouter>();
        services.TryAddSingleton<DispatchHandler>();
        services.TryAddSingleton<MessageHandler>();
        services.TryAddSingleton<SendFailureReporter>();
        services.TryAddSingleton<ModeratorCheck>();
        services.TryAddSingleton<AdminCommandHandler>();
        services.TryAddSingleton<InteractionHandler>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<FatalPlatformSignal>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModeratorChannel, DiscordModeratorChannel>());
        services.AddHostedService<DiscordBotService>();
        return services;
    }

    /// <summary><c>Discord:PublicSafetyMode</c> took the names (or numbers) of Core's setting.</summary>
    private static SafetyGuidanceDelivery? OldPublicSafetyMode(string value) =>
        Enum.TryParse<SafetyGuidanceDelivery>(value, ignoreCase: true, out var setting) && Enum.IsDefined(setting) ? setting : null;
}
