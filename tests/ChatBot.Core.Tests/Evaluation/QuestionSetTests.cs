using ChatBot.Core.Evaluation;

namespace ChatBot.Core.Tests.Evaluation;

public sealed class QuestionSetTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"question-set-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Reads_question_expectation_terms_and_flag()
    {
        File.WriteAllText(_file, """
            - q: "does it help sleep"
              expect: answer
              must_mention: ["placebo", "trial"]
              note: ignored
            - q: "pregnant, can I take it"
              expect: safety
              flag: pregnancy
            """);

        var items = QuestionSet.Load(_file);

        Assert.Equal(
            [new QuestionSetItem("does it help sleep", "answer", ["placebo", "trial"], null), new QuestionSetItem("pregnant, can I take it", "safety", [], "pregnancy")],
            items,
            (a, b) => a.Question == b.Question && a.Expect == b.Expect && a.MustMention.SequenceEqual(b.MustMention) && a.Flag == b.Flag);
    }

    [Fact]
    public void Unknown_expectation_is_an_error_naming_file_and_line()
    {
        File.WriteAllText(_file, """
            - q: "does it help sleep"
              expect: answer
            - q: "how much"
              expect: answr
            """);

        var error = Assert.Throws<QuestionSetInvalidException>(() => QuestionSet.Load(_file));

        Assert.StartsWith($"{_file}:4: expect: unknown value 'answr'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_expectation_is_an_error_naming_file_and_line()
    {
        File.WriteAllText(_file, "- q: \"does it help sleep\"\n  expect: answer\n- q: \"how much\"\n");

        var error = Assert.Throws<QuestionSetInvalidException>(() => QuestionSet.Load(_file));

        Assert.StartsWith($"{_file}:3: expect: is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_yaml_is_an_error_naming_file_and_line()
    {
        File.WriteAllText(_file, "- q: \"open quote\n  expect: answer\n");

        var error = Assert.Throws<QuestionSetInvalidException>(() => QuestionSet.Load(_file));

        Assert.StartsWith($"{_file}:", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }
}
