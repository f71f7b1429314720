using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using ChatBot.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Integration.Tests.Hosting;

public sealed class HostContainerTests
{
    [Fact]
    public async Task Production_container_starts_and_answers()
    {
        var builder = ChatBotHostBuilder.Create([], new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Repository.Knowledge,
            ["Retrieval:Mode"] = "Lexical",
            ["Console:Enabled"] = "false",
        });
        using var host = builder.Build();
        await host.StartAsync();

        var reply = host.Services.GetRequiredService<IAnswerEngine>().Ask("side effects?", new AskContext("test"));

        Assert.Equal(ReplyOutcome.Answer, reply.Outcome);
        await host.StopAsync();
    }

    [Fact]
    public async Task Invalid_knowledge_fails_the_start()
    {
        var builder = ChatBotHostBuilder.Create([], new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = "/nonexistent",
            ["Console:Enabled"] = "false",
        });
        using var host = builder.Build();

        await Assert.ThrowsAsync<KnowledgeInvalidException>(() => host.StartAsync());
    }
}
