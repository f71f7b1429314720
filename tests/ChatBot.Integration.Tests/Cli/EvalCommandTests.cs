namespace ChatBot.Integration.Tests.Cli;

/// <summary>A question set that cannot be replayed ends in one line naming it, never a stack trace.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string _folder = Repository.TempFolder("chatbot-eval");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Missing_question_set_is_one_line_and_exit_2()
    {
        var missing = Path.Combine(_folder, "missing.yaml");

        var result = await ChatBotProcess.RunAsync("", "faq", "eval", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"chatbot: question set not found: {missing}", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Unknown_expectation_names_file_and_line()
    {
        var file = Path.Combine(_folder, "set.yaml");
        File.WriteAllText(file, "- q: \"side effects?\"\n  expect: answer\n- q: \"dose?\"\n  expect: answr\n");

        var result = await ChatBotProcess.RunAsync("", "faq", "eval", file);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"chatbot: invalid question set: {file}:4: expect: unknown value 'answr'", line, StringComparison.Ordinal);
    }
}
