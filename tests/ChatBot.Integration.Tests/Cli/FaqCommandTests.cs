namespace ChatBot.Integration.Tests.Cli;

public sealed class FaqCommandTests : IDisposable
{
    private readonly string _broken = Repository.TempFolder("chatbot-broken");

    private readonly string _copy = Repository.TempFolder("chatbot-copy");

    public void Dispose()
    {
        Directory.Delete(_broken, recursive: true);
        Directory.Delete(_copy, recursive: true);
    }

    [Fact]
    public async Task Validate_accepts_a_valid_folder_and_reports_coverage()
    {
        var result = await ChatBotProcess.RunAsync("", "faq", "validate", "--knowledge", KnowledgeCopy.WithFewerPhrasings(_copy), "--Retrieval:Mode=Lexical");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("OK: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("Coverage: ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faq_test_names_the_line_the_message_what_it_got_and_what_was_expected()
    {
        KnowledgeCopy.WithFewerPhrasings(_broken);
        var passing = await ChatBotProcess.RunAsync("", "faq", "test", "--knowledge", _broken, "--Retrieval:Mode=Lexical");
        var tests = Path.Combine(_broken, "tests.yaml");
        var lines = File.ReadAllLines(tests).ToList();
        var expect = lines.FindIndex(l => l.Trim() == "expect: side-effects");
        lines[expect] = "    expect: kidney-disease";
        File.WriteAllLines(tests, lines);

        var failing = await ChatBotProcess.RunAsync("", "faq", "test", "--knowledge", _broken, "--Retrieval:Mode=Lexical");

        Assert.Equal(0, passing.ExitCode);
        Assert.StartsWith("OK: ", passing.Output, StringComparison.Ordinal);
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains(failing.ErrorLines, l => l.StartsWith($"tests.yaml:{expect}: ", StringComparison.Ordinal)
            && l.Contains("→ got side-effects, expected kidney-disease", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Faq_test_always_runs_the_gate_while_a_start_remembers_a_pass()
    {
        var environment = new Dictionary<string, string?> { ["Retrieval__CachePath"] = _broken };
        var record = Path.Combine(_broken, "gates-passed.txt");

        var knowledge = KnowledgeCopy.WithFewerPhrasings(_copy);

        var tested = await ChatBotProcess.RunInAsync(Repository.Root, environment, "", "faq", "test", "--knowledge", knowledge, "--Retrieval:Mode=Lexical");
        var recordedByTest = File.Exists(record);
        var asked = await ChatBotProcess.RunInAsync(Repository.Root, environment, "", "ask", "--knowledge", knowledge, "--Retrieval:Mode=Lexical", "side effects?");

        Assert.Equal(0, tested.ExitCode);
        Assert.False(recordedByTest);
        Assert.Equal(0, asked.ExitCode);
        Assert.Single(File.ReadAllLines(record));
    }

    [Fact]
    public async Task Validate_names_file_line_and_field_and_exits_1()
    {
        KnowledgeCopy.To(_broken);
        var file = Path.Combine(_broken, "faq", "side-effects.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("caveats:", "caveatz:", StringComparison.Ordinal));

        var result = await ChatBotProcess.RunAsync("", "faq", "validate", "--knowledge", _broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"side-effects\.yaml:\d+: caveatz: unknown field", result.Error);
        Assert.Matches(@"side-effects\.yaml:1: caveats: is missing", result.Error);
    }

    [Fact]
    public async Task Preview_shows_the_top_candidates_with_scores()
    {
        var result = await ChatBotProcess.RunAsync("", "faq", "preview", "mgt headache normal?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("side-effects", result.Output, StringComparison.Ordinal);
        Assert.Equal(7, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("closest known gap:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_says_what_the_bot_would_do_and_why_a_red_flag_fired()
    {
        var result = await ChatBotProcess.RunAsync("", "faq", "check", "my", "kidneys", "are", "failing,", "side", "effects?", "--Retrieval:Mode=Lexical");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Outcome: side-effects [kidney]", result.Output, StringComparison.Ordinal);
        Assert.Contains("Runner-up: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("• kidney: pattern ", result.Output, StringComparison.Ordinal);
    }
}
