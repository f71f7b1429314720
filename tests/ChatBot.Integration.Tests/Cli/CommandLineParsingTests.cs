using System.Reflection;
using ChatBot.Host.Cli;

namespace ChatBot.Integration.Tests.Cli;

/// <summary>Help, version, both option forms, typo hints, and unknown options as usage errors (exit code 2).</summary>
public sealed class CommandLineParsingTests
{
    [Theory]
    [InlineData("ask", "--help")]
    [InlineData("ask", "-h")]
    [InlineData("faq", "preview", "--help")]
    public async Task Verb_help_shows_that_verbs_usage_instead_of_running_it(params string[] args)
    {
        var result = await ChatBotProcess.RunAsync("", args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains($"  chatbot {string.Join(' ', args[..^1])} ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("See a doctor", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public async Task Help_lists_every_verb(string help)
    {
        var result = await ChatBotProcess.RunAsync("", help);

        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "chat", "ask", "faq", "log" })
        {
            Assert.Contains($"  {verb} ", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_prints_the_informational_version()
    {
        var expected = typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var result = await ChatBotProcess.RunAsync("", "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Output.Trim());
    }

    [Theory]
    [InlineData("ask", "--jsn", "dose?")]
    [InlineData("faq", "validate", "--frob")]
    [InlineData("faq", "gaps", "--dayz", "3")]
    [InlineData("--nonsense=1")]
    public async Task Unknown_option_is_a_usage_error_naming_it(params string[] args)
    {
        var result = await ChatBotProcess.RunAsync("", args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("chatbot: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains(args.First(a => a.StartsWith("--", StringComparison.Ordinal)), result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Misspelt_verb_gets_a_hint()
    {
        var result = await ChatBotProcess.RunAsync("", "faq", "valdate");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("chatbot: Unrecognized command or argument 'valdate'.", result.ErrorLines[0]);
        Assert.Contains("validate", result.ErrorLines);
    }

    [Fact]
    public async Task Knowledge_equals_form_is_the_same_as_the_spaced_form()
    {
        var result = await ChatBotProcess.RunAsync("", "faq", "validate", "--knowledge=/nonexistent/knowledge");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent/knowledge", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Days_equals_form_is_read()
    {
        var code = await CommandLine.RunAsync(["faq", "gaps", "--days=0", "--QuestionLog:Enabled=false"]);

        Assert.Equal(2, code);
    }

    [Fact]
    public async Task A_question_after_double_dash_may_look_like_an_option()
    {
        var result = await ChatBotProcess.RunAsync("", "ask", "--Retrieval:Mode=Lexical", "--", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("See a doctor:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_starting_with_at_is_a_question_not_a_response_file()
    {
        var result = await ChatBotProcess.RunAsync("", "ask", "--Retrieval:Mode=Lexical", "@everyone is mgt safe");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("See a doctor:", result.Output, StringComparison.Ordinal);
    }
}
