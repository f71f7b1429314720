using ChatBot.Host.Cli;
using ChatBot.Testing.Discord;
using ChatBot.Testing.Slack;

namespace ChatBot.Integration.Tests.Hosting;

/// <summary>A token the platform refuses ends <c>chatbot</c> (the production host, run to its end) with exit code 1.</summary>
[Collection(ProcessExitCodeCollection.Name)]
public sealed class FatalPlatformExitTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Discord_closing_the_gateway_with_4004_ends_the_run_with_exit_code_1()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.Gateway.CloseOnIdentify = 4004;

        var exitCode = await RunAsync(["--Discord:Token=" + fake.Token, "--Discord:ApiBaseUrl=" + fake.ApiBaseUrl]);

        Assert.Equal(1, exitCode);
        Assert.Equal(1, fake.Gateway.Identifies);
    }

    [Fact]
    public async Task Slack_answering_invalid_auth_ends_the_run_with_exit_code_1()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.AuthTestError = "invalid_auth";

        var exitCode = await RunAsync(["--Slack:BotToken=xoxb-test-0000-secret", "--Slack:AppToken=xapp-1-test-secret", "--Slack:ApiBaseUrl=" + fake.ApiBaseUrl]);

        Assert.Equal(1, exitCode);
        Assert.Equal(0, fake.ConnectionsOpened);
    }

    private static async Task<int> RunAsync(string[] platform)
    {
        string[] settings = ["--Retrieval:Mode=Lexical", "--Console:Enabled=false", "--QuestionLog:Enabled=false", "--Logging:LogLevel:Default=None", .. platform];
        try
        {
            return await RunCommand.RunAsync(new CliArguments(Repository.Knowledge, Json: false, Verbose: false, settings), explicitChat: false).WaitAsync(Timeout);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }
}
