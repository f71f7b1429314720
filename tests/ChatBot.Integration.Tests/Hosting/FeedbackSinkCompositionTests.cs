using ChatBot.Core;
using ChatBot.Core.Feedback;
using ChatBot.Core.QuestionLog;
using ChatBot.Discord;
using ChatBot.Host;
using ChatBot.Testing.Discord;
using ChatBot.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Integration.Tests.Hosting;

/// <summary>Core alone decides where votes go: the question log when it is on, else memory, whatever the order of registration.</summary>
public sealed class FeedbackSinkCompositionTests
{
    private static readonly Dictionary<string, string?> BothPlatforms = new()
    {
        ["Knowledge:Path"] = Repository.Knowledge,
        ["Console:Enabled"] = "false",
        ["Discord:Token"] = FakeDiscord.ValidToken,
        ["Slack:BotToken"] = "xoxb-test",
        ["Slack:AppToken"] = "xapp-test",
    };

    [Theory]
    [InlineData("true", typeof(QuestionLogFeedbackSink))]
    [InlineData("false", typeof(InMemoryFeedbackSink))]
    public void The_production_host_uses_the_question_log_sink_only_when_the_log_is_on(string logEnabled, Type expected)
    {
        var settings = new Dictionary<string, string?>(BothPlatforms) { ["QuestionLog:Enabled"] = logEnabled };
        using var host = ChatBotHostBuilder.Create([], settings).Build();

        Assert.IsType(expected, host.Services.GetRequiredService<IFeedbackSink>());
    }

    [Fact]
    public void Adapters_registered_before_core_do_not_change_the_sink()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(BothPlatforms).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDiscordAdapter(configuration);
        services.AddSlackAdapter(configuration);
        services.AddChatBotCore(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<QuestionLogFeedbackSink>(provider.GetRequiredService<IFeedbackSink>());
    }

    [Fact]
    public void Adapters_register_no_feedback_sink_of_their_own()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(BothPlatforms).Build();

        Assert.DoesNotContain(new ServiceCollection().AddDiscordAdapter(configuration), d => d.ServiceType == typeof(IFeedbackSink));
        Assert.DoesNotContain(new ServiceCollection().AddSlackAdapter(configuration), d => d.ServiceType == typeof(IFeedbackSink));
    }
}
