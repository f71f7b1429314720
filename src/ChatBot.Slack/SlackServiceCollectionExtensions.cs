using ChatBot.Core;
using ChatBot.Core.Answering;
using ChatBot.Core.Delivery;
using ChatBot.Core.Feedback;
using ChatBot.Core.Moderation;
using ChatBot.Core.Operations;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Dispatch;
using ChatBot.Slack.Handling;
using ChatBot.Slack.HttpMode;
using ChatBot.Slack.Moderation;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.Sending;
using ChatBot.Slack.SocketMode;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack adapter (Socket Mode or HTTP mode); the host calls it only when Slack is configured.
    /// Settings are checked at start. Needs Core's registrations (<c>AddChatBotCore</c>) in the container.
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddDeliveryAlias(configuration, SafeAnswers.Platform, SlackOptions.PublicSafetyModeKey, OldPublicSafetyMode);
        // Our own log lines describe every call; the default HTTP logs would print response_url paths, which are credentials.
        services.AddHttpClient(SlackApiClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimitGate>();
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackIdentity>();
        services.TryAddSingleton<FatalPlatformSignal>();
        services.AddSingleton<BlockKitRenderer>();
        services.AddSingleton<SlackSender>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<SafeAnswers>();
        services.AddSingleton<ReplyDelivery>();
        services.AddSingleton<SlackEventHandler>();
        services.AddSingleton<ModeratorCheck>();
        services.AddSingleton<AdminCommandHandler>();
        services.AddSingleton<SlashCommandHandler>();
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<SlackInboundHandler>();
        services.AddHostedService<SlackWorkerService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModeratorChannel, SlackModeratorChannel>());

        var mode = configuration.GetSection(SlackOptions.SectionName)["Mode"];
        if (string.Equals(mode, "http", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<SlackSignatureVerifier>();
            services.AddSingleton<SlackHttpEndpoint>();
            services.AddHostedService<SlackHttpModeService>();
        }
        else
        {
            services.AddHostedService<SocketModeService>();
        }

        return services;
    }

    /// <summary><c>Slack:PublicSafetyMode</c> was a switch: on meant the guidance goes privately.</summary>
    private static SafetyGuidanceDelivery? OldPublicSafetyMode(string value) =>
        bool.TryParse(value, out var privately) ? privately ? SafetyGuidanceDelivery.Private : SafetyGuidanceDelivery.Public : null;
}
