namespace ChatBot.Integration.Tests.Cli;

/// <summary>A start that could only look like a running bot fails with exit code 2 and one line saying why.</summary>
public sealed class NoPlatformStartTests
{
    [Fact]
    public async Task No_platform_and_no_terminal_exits_2_with_one_line()
    {
        var result = await ChatBotProcess.RunAsync("what are the side effects?\n");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("chatbot: no chat platform is configured", line, StringComparison.Ordinal);
        Assert.Contains("standard input is not a terminal", line, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task A_blank_token_counts_as_no_platform()
    {
        var result = await ChatBotProcess.RunInAsync(Repository.Root, new Dictionary<string, string?> { ["Discord__Token"] = "" }, "what are the side effects?\n");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("chatbot: no chat platform is configured", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_platform_and_the_console_chat_off_exits_2_with_one_line()
    {
        var result = await ChatBotProcess.RunAsync("", "chat", "--Console:Enabled=false");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("chatbot: no chat platform is configured", line, StringComparison.Ordinal);
        Assert.Contains("Console:Enabled=false", line, StringComparison.Ordinal);
    }
}
