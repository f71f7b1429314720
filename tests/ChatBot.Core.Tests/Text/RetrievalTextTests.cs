using ChatBot.Core.Text;

namespace ChatBot.Core.Tests.Text;

public sealed class RetrievalTextTests
{
    [Theory]
    [InlineData("<script>alert('x')</script><img src=x onerror=alert(1)> does it cross the barrier?", "does it cross the barrier?")]
    [InlineData("side effects? [full study](http://evil.example.com/login) ![](http://evil.example.com/p.png)", "side effects? full study")]
    [InlineData("@everyone <!channel> <@&123> <@U1> dose?", "dose?")]
    [InlineData("see https://example.com now", "see now")]
    public void Clean_removes_markup_links_and_mentions(string input, string expected) =>
        Assert.Equal(expected, RetrievalText.Clean(input));

    [Fact]
    public void Question_sentences_keeps_questions_and_the_last_sentence()
    {
        var parts = RetrievalText.QuestionSentences("Long story here. I sleep badly. Does it beat placebo? Thanks a lot.");

        Assert.Equal(["Thanks a lot.", "Does it beat placebo?"], parts);
    }

    [Fact]
    public void A_short_last_question_is_read_with_the_sentence_before_it() =>
        Assert.Equal(
            new QuestionWithContext("Is she overselling it?", "My coworker swears threonate cures insomnia. Is she overselling it?"),
            RetrievalText.QuestionInContext("Tried everything for years. My coworker swears threonate cures insomnia. Is she overselling it? Thanks."));

    [Theory]
    [InlineData("Is she overselling it?")]
    [InlineData("My sleep is still bad after a month. Thanks anyway.")]
    [InlineData("I tried teas and apps. Does magnesium threonate actually help older adults who wake up at three every single night and cannot fall back asleep?")]
    public void A_lone_long_or_missing_question_has_no_context_to_add(string text) =>
        Assert.Null(RetrievalText.QuestionInContext(text));

    [Fact]
    public void Question_sentences_reads_run_on_text_in_overlapping_windows()
    {
        var runOn = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"w{i}"));

        var parts = RetrievalText.QuestionSentences(runOn);

        Assert.InRange(parts.Count, 2, 6);
        Assert.Contains(parts, p => p.Contains("w299", StringComparison.Ordinal));
    }
}
