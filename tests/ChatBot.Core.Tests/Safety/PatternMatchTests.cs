using System.Text.RegularExpressions;
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
    public void A_pattern_run_rarely_stays_interpreted()
    {
        var pattern = new Regex($@"\brarely run {Guid.NewGuid():N}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        Assert.False(PatternMatch.IsMatch(pattern, "hello"));
        Assert.False(PatternMatch.RunsCompiled(pattern));
    }
}
