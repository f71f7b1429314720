using System.Text.RegularExpressions;
using ChatBot.Core.Safety;

namespace ChatBot.Core.Tests.Safety;

public sealed class PatternCoreTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [Theory]
    [InlineData(@"(?<!\bkids?\b[^.?!]{0,60})\bdose\b", @"\bdose\b")]
    [InlineData(@"(?<!a)(?<=b)c", "c")]
    [InlineData(@"(?<!a)b|(?<=[(|)])d|e", "b|d|e")]
    [InlineData(@"(?<!\(x)y", "y")]
    public void Drops_the_lookbehinds_that_open_each_alternative(string pattern, string core) =>
        Assert.Equal(core, PatternCore.Of(new Regex(pattern, Options))!.ToString());

    [Theory]
    [InlineData(@"\bdose\b")]
    [InlineData(@"x(?<!y)z")]
    [InlineData(@"(?<name>a)b")]
    [InlineData(@"(?<!a)")]
    public void Gives_nothing_for_a_pattern_that_opens_with_no_lookbehind_or_is_only_one(string pattern) =>
        Assert.Null(PatternCore.Of(new Regex(pattern, Options)));

    [Theory]
    [InlineData("my kid took one dose", false)]
    [InlineData("what dose did the study use", true)]
    [InlineData("nothing about amounts here", false)]
    [InlineData("kids are asleep. what dose should i take", true)]
    public void A_pattern_run_with_its_first_test_decides_as_the_pattern_alone(string text, bool expected)
    {
        var pattern = new Regex(@"(?<!\bkids?\b[^.?!]{0,60})\bdose\b", Options, TimeSpan.FromSeconds(5));

        Assert.Equal(expected, pattern.IsMatch(text));
        Assert.Equal(expected, PatternMatch.IsMatch(pattern, text));
        Assert.Equal(pattern.Replace(text, "¬"), PatternMatch.Replace(pattern, text, "¬"));
    }

    [Fact]
    public void A_long_run_on_message_is_decided_without_the_opening_lookbehind_at_every_position()
    {
        // A lookbehind over the whole message before common words: tried wherever a word starts with one of their
        // letters, it looks back over everything before, far past the pattern's time limit; the first test finds no
        // "is limp" and decides at once.
        var pattern = new Regex(@"(?<!\b(?:dog|cat)\b[\s\S]*)\b(?:is|are|an|at|and|about|awake|i|then) (?:limp|grey|blue)\b", Options, TimeSpan.FromMilliseconds(100));
        var text = string.Concat(Enumerable.Repeat("and then i lay awake thinking about work ", 500));

        Assert.Throws<RegexMatchTimeoutException>(() => pattern.IsMatch(text));
        Assert.False(PatternMatch.Decide(pattern, text));
    }

    [Fact]
    public void Every_shipped_pattern_that_opens_with_a_lookbehind_finds_with_its_first_test_whatever_it_finds_alone()
    {
        var knowledge = TestKnowledge.Load();
        var concepts = knowledge.Safety.SelectMany(c => c.Combinations.SelectMany(k => k.Concepts.Concat(k.Unless)).Concat(c.Unless).Concat(c.NegatedBy));
        var patterns = knowledge.Safety.SelectMany(c => c.Patterns).Concat(concepts.SelectMany(c => c.Patterns))
            .DistinctBy(p => p.ToString()).Select(p => (Pattern: p, Core: PatternCore.Of(p))).Where(p => p.Core is not null).ToArray();
        var messages = knowledge.Tests.Select(t => t.Message.ToLowerInvariant()).ToArray();

        var missed = patterns.SelectMany(p => messages.Where(m => p.Pattern.IsMatch(m) && !p.Core!.IsMatch(m)).Select(m => $"{p.Pattern} / {m}")).ToArray();

        Assert.True(patterns.Length > 100, $"only {patterns.Length} patterns open with a lookbehind");
        Assert.Empty(missed);
    }
}
