namespace ChatBot.Integration.Tests.Cli;

/// <summary>Settings, knowledge and data are found from the content root, not from wherever the bot is started.</summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly string _elsewhere = Repository.TempFolder("chatbot-cwd");
    private readonly string _root = Repository.TempFolder("chatbot-root");

    public void Dispose()
    {
        Directory.Delete(_elsewhere, recursive: true);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Runs_from_another_working_directory()
    {
        var result = await ChatBotProcess.RunInAsync(_elsewhere, new Dictionary<string, string?>(), "", "faq", "validate", "--Retrieval:Mode=Lexical");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("OK: ", result.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// With the model, as a member's question is answered: the start gate is the one the other command-line runs passed
    /// for the shipped knowledge, so this start does not check every look-alike again.
    /// </summary>
    [Fact]
    public async Task Answers_from_another_working_directory()
    {
        var result = await ChatBotProcess.RunInAsync(_elsewhere, new Dictionary<string, string?>(), "", "ask", "what are the side effects?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("headaches", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_root_option_reads_that_folders_settings_and_knowledge()
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """{ "Knowledge": { "Path": "moderated" } }""");
        var broken = KnowledgeCopy.Broken(Path.Combine(_root, "moderated"));

        var result = await ChatBotProcess.RunInAsync(_elsewhere, new Dictionary<string, string?>(), "", "faq", "validate", "--content-root", _root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.GetRelativePath(Path.GetDirectoryName(_root)!, broken)}:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_root_equals_form_is_taken_relative_to_the_working_directory()
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """{ "Knowledge": { "Path": "moderated" } }""");
        var broken = KnowledgeCopy.Broken(Path.Combine(_root, "moderated"));

        var result = await ChatBotProcess.RunInAsync(Path.GetDirectoryName(_root)!, new Dictionary<string, string?>(), "", "faq", "validate", $"--content-root={Path.GetFileName(_root)}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.GetRelativePath(Path.GetDirectoryName(_root)!, broken)}:", result.Error, StringComparison.Ordinal);
    }
}
