namespace ChatBot.Integration.Tests.Cli;

public sealed class ConsoleChatTests : IDisposable
{
    private readonly string _data = Repository.TempFolder("chatbot-chat");

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Chat_answers_questions_piped_to_it()
    {
        var result = await ChatBotProcess.RunAsync("what are the side effects?\n\n", "chat");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Ask a question", result.Output, StringComparison.Ordinal);
        Assert.Contains("headaches", result.Output, StringComparison.Ordinal);
        Assert.Contains("See a doctor:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_shows_no_host_logs_and_no_operator_warnings()
    {
        // The question log on, without a user id key: the setting that makes the host warn operators.
        var environment = new Dictionary<string, string?>
        {
            ["QuestionLog__Enabled"] = "true",
            ["QuestionLog__ConnectionString"] = $"Data Source={Path.Combine(_data, "questions.db")}",
            ["QuestionLog__UserIdKey"] = null,
        };

        var result = await ChatBotProcess.RunInAsync(Repository.Root, environment, "what are the side effects?\n\n", "chat");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("headaches", result.Output, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
        Assert.DoesNotContain("UserIdKey", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_runs_a_moderator_command_typed_after_a_slash()
    {
        var result = await ChatBotProcess.RunAsync("/status\n/check side effects?\n/dance\n\n", "chat", "--Retrieval:Mode=Lexical");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Versions live since start, newest first:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Outcome: side-effects, confidence", result.Output, StringComparison.Ordinal);
        Assert.Contains("Moderator commands: status", result.Output, StringComparison.Ordinal);
        Assert.Contains("See a doctor:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_is_one_conversation_so_a_follow_up_reads_the_previous_answer()
    {
        var result = await ChatBotProcess.RunAsync("what are the side effects?\nsource?\n\n", "chat", "--Retrieval:Mode=Lexical");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Where the answer to \"What side effects does magnesium L-threonate have?\" comes from", result.Output, StringComparison.Ordinal);
    }
}
