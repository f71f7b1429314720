namespace ChatBot.Integration.Tests.Cli;

public class ConsoleChatTests
{
    [Fact]
    public async Task Running_without_platform_tokens_starts_the_console_chat()
    {
        var result = await ChatBotProcess.RunAsync("what are the side effects?\n\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Ask a question", result.Output, StringComparison.Ordinal);
        Assert.Contains("headaches", result.Output, StringComparison.Ordinal);
        Assert.Contains("See a doctor:", result.Output, StringComparison.Ordinal);
    }
}
