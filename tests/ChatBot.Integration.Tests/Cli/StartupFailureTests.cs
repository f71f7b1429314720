namespace ChatBot.Integration.Tests.Cli;

/// <summary>Bad input stops the start with one clear line naming the setting or the file.</summary>
public sealed class StartupFailureTests
{
    [Theory]
    [InlineData("--Retrieval:Mode=Fancy", "Retrieval:Mode")]
    [InlineData("--Retrieval:SemanticThreshold=7", "SemanticThreshold")]
    [InlineData("--Knowledge:Path=", "Path")]
    public async Task Bad_configuration_value_stops_the_start_naming_the_setting(string setting, string named)
    {
        var result = await ChatBotProcess.RunAsync("", "ask", "dose?", setting);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("chatbot: invalid configuration", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Retrieval:SemanticThreshold=7", "SemanticThreshold")]
    [InlineData("--FairUse:PerUserBurst=0", "PerUserBurst")]
    [InlineData("--Conversations:Window=00:00:01", "Window")]
    [InlineData("--Operations:Url=localhost", "Operations:Url")]
    [InlineData("--Operations:LogFormat=xml", "LogFormat")]
    [InlineData("--Coordination:Mode=Postgres", "Coordination:ConnectionString")]
    [InlineData("--Coordination:Mode=Cluster", "Coordination:Mode")]
    public async Task Bad_configuration_value_stops_the_bot_itself_with_one_line(string setting, string named)
    {
        var result = await ChatBotProcess.RunAsync("", setting);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_knowledge_folder_stops_the_start_naming_it()
    {
        var result = await ChatBotProcess.RunAsync("", "ask", "dose?", "--knowledge", "/nonexistent/knowledge");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent/knowledge", result.Error, StringComparison.Ordinal);
    }
}
