using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Safety;

namespace ChatBot.Core.Tests.Safety;

public sealed class PatternMatchTests
{
    [Fact]
    public void A_pattern_compiled_for_one_knowledge_version_runs_compiled_from_the_start_in_the_next()
    {
        var text = $@"\bnever compiled before {Guid.NewGuid():N}\b";
        var first = new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        for (var i = 0; i < PatternMatch.CompileAfter; i++)
        {
            Assert.False(PatternMatch.IsMatch(first, "how much should i take"));
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!PatternMatch.RunsCompiled(first) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        Assert.True(PatternMatch.RunsCompiled(first));
        var reloaded = new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        Assert.False(PatternMatch.IsMatch(reloaded, "how much should i take"));
        Assert.True(PatternMatch.RunsCompiled(reloaded));
    }

    [Fact]
    public void A_pattern_compiled_at_start_runs_compiled_before_it_has_run_often()
    {
        var concept = new SafetyConcept("took", [Unique(@"\btook {0}\b")]);
        var category = new SafetyCategory("ingestion", "Took too much", SafetyAction.Replace, "Call Poison Help.", [Unique(@"\bwhole bottle {0}\b")])
        {
            NegatedBy = [new SafetyConcept("negation", [Unique(@"\bnever {0}\b")])],
            Combinations = [new SafetyCombination([concept])],
        };
        var patterns = category.Patterns.Concat(category.NegatedBy[0].Patterns).Concat(concept.Patterns).ToArray();

        new SafetyTriage([category], null).CompilePatternsSoon();

        WaitUntilCompiled(patterns);
        Assert.All(patterns, p => Assert.True(PatternMatch.RunsCompiled(p)));
    }

    [Fact]
    public void A_pattern_compiled_at_start_has_its_first_test_compiled_too()
    {
        var pattern = Unique(@"(?<!\bkids?\b[^.?!]{{0,60}})\bwhole bottle {0}\b");
        var category = new SafetyCategory("ingestion", "Took too much", SafetyAction.Replace, "Call Poison Help.", [pattern]);
        var triage = new SafetyTriage([category], null);

        triage.CompilePatternsSoon();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!triage.PatternsCompiled && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        Assert.True(PatternMatch.RunsCompiledWithCore(pattern));
    }

    [Fact]
    public void A_replacement_reads_like_the_patterns_own()
    {
        var pattern = Unique(@"\bnever had {0} kidney problems\b");
        var text = $"i never had {pattern.ToString().Split(' ')[2]} kidney problems, but i take lithium";

        Assert.Equal(pattern.Replace(text, " ¬ "), PatternMatch.Replace(pattern, text, " ¬ "));
        PatternMatch.CompileSoon([pattern]);
        WaitUntilCompiled([pattern]);
        Assert.Equal(pattern.Replace(text, " ¬ "), PatternMatch.Replace(pattern, text, " ¬ "));
    }

    private static Regex Unique(string format) =>
        new(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, "x" + Guid.NewGuid().ToString("N")), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static void WaitUntilCompiled(IReadOnlyList<Regex> patterns)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!patterns.All(PatternMatch.RunsCompiled) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }
    }

    [Fact]
    public void The_check_of_more_look_alikes_than_make_a_pattern_hot_leaves_it_interpreted()
    {
        var pattern = Unique(@"\bwhole bottle {0}\b");
        var lookAlikes = Enumerable.Range(0, PatternMatch.CompileAfter + 100).Select(i => new SafetyPhrase($"is {i} mg too much for one night?", i + 1)).ToArray();
        var category = new SafetyCategory("ingestion", "Took too much", SafetyAction.Replace, "Call Poison Help.", [pattern]) { NotExamples = lookAlikes };

        Assert.Empty(SafetyPhraseCheck.Run(new SafetyTriage([category], null), () => QuestionVectors.Lexical));

        Assert.False(PatternMatch.IsHot(pattern));
        for (var i = 0; i < PatternMatch.CompileAfter; i++)
        {
            Assert.False(PatternMatch.IsMatch(pattern, "how much should i take"));
        }

        Assert.True(PatternMatch.IsHot(pattern));
    }

    [Fact]
    public void A_pattern_run_rarely_stays_interpreted()
    {
        var pattern = new Regex($@"\brarely run {Guid.NewGuid():N}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        Assert.False(PatternMatch.IsMatch(pattern, "hello"));
        Assert.False(PatternMatch.RunsCompiled(pattern));
    }
}
