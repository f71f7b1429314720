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
    public void Question_sentences_reads_run_on_text_in_overlapping_windows()
    {
        var runOn = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"w{i}"));

        var parts = RetrievalText.QuestionSentences(runOn);

        Assert.InRange(parts.Count, 2, 6);
        Assert.Contains(parts, p => p.Contains("w299", StringComparison.Ordinal));
    }
}
