using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Safety;

namespace ChatBot.Core.Tests.Safety;

/// <summary>
/// A pattern too slow to decide fails towards caution in both directions: one that raises a flag counts as matched,
/// one that would stop a flag (an <c>unless</c> concept) counts as not said, so the flag stays.
/// </summary>
public sealed class SlowPatternTriageTests
{
    /// <summary>Long enough that the nested quantifier below backtracks far past the one-millisecond limit.</summary>
    private static readonly string Message = "i took the whole bottle " + string.Concat(Enumerable.Repeat("ab ", 40)) + "!";

    [Fact]
    public void An_unless_concept_too_slow_to_decide_does_not_stop_the_category()
    {
        var category = Ingestion() with { Unless = [Slow("asking_about")] };

        var assessment = SafetyTriage.ByPatterns(Message, [category]);

        Assert.Contains(assessment.Flags, f => f.Category.Id == "ingestion");
    }

    [Fact]
    public void A_combinations_unless_concept_too_slow_to_decide_does_not_stop_it()
    {
        var took = new SafetyConcept("took", [Fast(@"\btook\b")]);
        var bottle = new SafetyConcept("bottle", [Fast(@"\bwhole bottle\b")]);
        var category = Ingestion() with
        {
            Patterns = [],
            Combinations = [new SafetyCombination([took, bottle]) { Unless = [Slow("asking_about")] }],
        };

        var assessment = SafetyTriage.ByPatterns(Message, [category]);

        Assert.Contains(assessment.Flags, f => f.Category.Id == "ingestion");
    }

    [Fact]
    public void A_red_flag_pattern_too_slow_to_decide_raises_its_category()
    {
        var category = Ingestion() with { Patterns = [Slow("overdose").Patterns[0]] };

        var assessment = SafetyTriage.ByPatterns(Message, [category]);

        Assert.Contains(assessment.Flags, f => f.Category.Id == "ingestion");
    }

    private static SafetyCategory Ingestion() =>
        new("ingestion", "Took too much", SafetyAction.Replace, "Call Poison Help.", [Fast(@"\bwhole bottle\b")]);

    private static SafetyConcept Slow(string name) =>
        new(name, [new Regex(@"^(\w+\s?)+\?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(1))]);

    private static Regex Fast(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
