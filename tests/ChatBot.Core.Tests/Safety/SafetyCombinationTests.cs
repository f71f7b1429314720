using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Safety;
using ChatBot.Core.Text;

namespace ChatBot.Core.Tests.Safety;

/// <summary>Concepts combine within one sentence: each new way of saying one idea serves every combination it is in.</summary>
public sealed class SafetyCombinationTests
{
    private static readonly SafetyConcept Took = Concept("took", @"\b(?:took|swallowed|ate)\b", @"\btom[eé]\b");
    private static readonly SafetyConcept Many = Concept("many", @"\b(?:whole|entire) bottle\b", @"\b(?:[5-9]|1\d) (?:pills|capsules)\b", @"\btodo el frasco\b");

    private static readonly SafetyCategory Ingestion = new("ingestion", "Too much taken", SafetyAction.Replace, "Call Poison Help.", [])
    {
        Combinations = [new SafetyCombination([Took, Many])],
    };

    private static IReadOnlyList<SafetyFlag> Flags(string message) =>
        SafetyTriage.ByPatterns(QuestionNormalizer.Normalize(message), [Ingestion]).Flags;

    [Theory]
    [InlineData("I took the whole bottle last night")]
    [InlineData("my brother swallowed like 8 capsules and feels sick")]
    [InlineData("tomé todo el frasco anoche")]
    [InlineData("ok so. Tomé todo el frasco. que hago")]
    public void All_concepts_in_one_sentence_raise_the_flag_in_any_language_they_know(string message)
    {
        var flag = Assert.Single(Flags(message));
        Assert.Equal(SafetySignal.Combination, flag.Signal);
        Assert.Equal("concepts took + many in one sentence", flag.Explain());
    }

    [Theory]
    [InlineData("is the whole bottle safe to take over a month?")]
    [InlineData("I took one capsule. The whole bottle cost me $40.")]
    [InlineData("I took it at 10pm")]
    public void One_concept_alone_or_concepts_in_different_sentences_raise_nothing(string message) =>
        Assert.Empty(Flags(message));

    [Fact]
    public void A_combination_is_stopped_by_its_unless_concepts_said_alongside()
    {
        var fainted = Concept("fainted", @"\b(?:fainted|passed out)\b");
        var askingAbout = Concept("asking_about", @"\bsigns? of\b", @"\bis \w+ a side effect\b");
        var emergency = new SafetyCategory("emergency", "Emergency", SafetyAction.Replace, "Call your emergency number.", [])
        {
            Combinations = [new SafetyCombination([fainted]) { Unless = [askingAbout] }],
        };

        IReadOnlyList<SafetyFlag> Assess(string message) => SafetyTriage.ByPatterns(QuestionNormalizer.Normalize(message), [emergency]).Flags;

        Assert.Equal("concepts fainted in one sentence without asking_about", Assert.Single(Assess("my dad fainted after his magnesium")).Explain());
        Assert.Empty(Assess("are fainted spells a sign of too much magnesium?"));
        Assert.Single(Assess("is it a side effect? my dad passed out an hour ago."));
    }

    [Fact]
    public void A_category_s_unless_concepts_stop_its_patterns_and_combinations_in_their_sentence_and_in_a_question_after_a_question()
    {
        var fainted = Concept("fainted", @"\b(?:fainted|passed out)\b");
        var askingAbout = Concept("asking_about", @"\bsigns? of\b");
        var emergency = new SafetyCategory("emergency", "Emergency", SafetyAction.Replace, "Call your emergency number.",
            [new Regex(@"\bslow (?:heartbeat|pulse)\b", RegexOptions.IgnoreCase)])
        {
            Unless = [askingAbout],
            Combinations = [new SafetyCombination([fainted])],
        };

        IReadOnlyList<SafetyFlag> Assess(string message) => SafetyTriage.ByPatterns(QuestionNormalizer.Normalize(message), [emergency]).Flags;

        Assert.Empty(Assess("what are the signs of too much? fainting, a slow pulse?"));
        Assert.Empty(Assess("what are the signs of too much? has anyone passed out?"));
        // A statement after the question is the person's own situation, not one of the examples asked about.
        Assert.Single(Assess("what are the signs of too much? my dad passed out an hour ago."));
        Assert.Single(Assess("what are the signs of too much? I have a slow pulse right now."));
        Assert.Single(Assess("I have a slow pulse and feel awful"));
    }

    [Fact]
    public void A_statement_saying_an_unless_concept_covers_the_question_just_before_it()
    {
        var denied = Concept("denied", @"\bnot pregnant\b");
        var pregnancy = new SafetyCategory("pregnancy", "Pregnancy", SafetyAction.Warn, "Ask your midwife.",
            [new Regex(@"\bpregnant\b", RegexOptions.IgnoreCase)])
        {
            Unless = [denied],
        };

        IReadOnlyList<SafetyFlag> Assess(string message) => SafetyTriage.ByPatterns(QuestionNormalizer.Normalize(message), [pregnancy]).Flags;

        Assert.Empty(Assess("can pregnant women take it? I'm not pregnant, just curious."));
        // Only the question just before: a question further back, or a statement before, stays flagged.
        Assert.Single(Assess("I'm pregnant. I'm not pregnant with twins though."));
        Assert.Single(Assess("can I take it while pregnant? and what about the dose? I'm not pregnant yet."));
        Assert.Single(Assess("can pregnant women take it? I'm pregnant."));
    }

    [Fact]
    public void A_warning_stops_for_a_denial_but_not_for_a_denial_with_an_exception()
    {
        var denied = Concept("denied", @"\bnot on any\b(?![^.?!]{0,40}\b(?:except|besides|but)\b)");
        var medication = new SafetyCategory("medication", "Medicines", SafetyAction.Warn, "Ask a pharmacist.",
            [new Regex(@"\b(?:meds|lisinopril)\b", RegexOptions.IgnoreCase)])
        {
            Unless = [denied],
        };

        IReadOnlyList<SafetyFlag> Assess(string message) => SafetyTriage.ByPatterns(QuestionNormalizer.Normalize(message), [medication]).Flags;

        Assert.Empty(Assess("i'm not on any meds, what dose did the study use?"));
        Assert.Single(Assess("i'm not on any meds except lisinopril"));
        Assert.Single(Assess("i'm not on any supplements. I take lisinopril daily."));
    }

    [Fact]
    public void An_unless_concept_stops_nothing_in_a_message_that_says_what_overrules_it()
    {
        var askingAbout = Concept("asking_about", @"\bcan (?:it|magtein) cause\b");
        var resolved = Concept("resolved", @"\bgone now\b");
        var happeningNow = Concept("happening_now", @"\b\d+ min(?:utes)? ago\b");
        var emergency = new SafetyCategory("emergency", "Emergency", SafetyAction.Replace, "Call your emergency number.",
            [new Regex(@"\bchest pain\b", RegexOptions.IgnoreCase)])
        {
            Unless = [askingAbout, resolved],
            Overruled = [new SafetyOverrule(askingAbout, [happeningNow])],
        };

        IReadOnlyList<SafetyFlag> Assess(string message) => SafetyTriage.ByPatterns(QuestionNormalizer.Normalize(message), [emergency]).Flags;

        Assert.Empty(Assess("can magtein cause chest pain?"));
        Assert.Single(Assess("can magtein cause chest pain? left side, sweaty, started about 20 min ago"));
        // Only the concept named is overruled: the pain said to be gone still stops the flag.
        Assert.Empty(Assess("had chest pain 20 min ago, gone now. can magtein cause that?"));
    }

    [Fact]
    public void An_overruled_concept_stops_none_of_the_categorys_combinations_either()
    {
        var askingAbout = Concept("asking_about", @"\bcould (?:it|that) cause\b");
        var happeningNow = Concept("happening_now", @"\bface is drooping\b");
        var stroke = Concept("stroke", @"\bdroop\w*\b");
        var emergency = new SafetyCategory("emergency", "Emergency", SafetyAction.Replace, "Call your emergency number.", [])
        {
            Unless = [askingAbout],
            Overruled = [new SafetyOverrule(askingAbout, [happeningNow])],
            Combinations = [new SafetyCombination([stroke]) { Unless = [askingAbout] }],
        };

        IReadOnlyList<SafetyFlag> Assess(string message) => SafetyTriage.ByPatterns(QuestionNormalizer.Normalize(message), [emergency]).Flags;

        Assert.Empty(Assess("could it cause a drooping eyelid?"));
        Assert.Single(Assess("my dad's face is drooping on one side and he took his magnesium, could it cause that?"));
    }

    [Fact]
    public void A_list_of_alternatives_stands_for_every_pair_and_a_pair_written_out_keeps_its_own_unless()
    {
        var selfHarm = TestKnowledge.Load().Safety.Single(c => c.Id == "self_harm");
        SafetyCombination[] Pairs(params string[] names) =>
            [.. selfHarm.Combinations.Where(c => c.Concepts.Select(k => k.Name).ToHashSet().SetEquals(names))];

        // farewell_hint + heart_stop is only in the lists of alternatives; farewell_hint + many is also written out, with `unless: [temporary]`.
        var pair = Assert.Single(Pairs("farewell_hint", "heart_stop"));
        Assert.Equal(["idiom", "temporary"], pair.Unless.Select(c => c.Name));
        Assert.Equal(["temporary"], Assert.Single(Pairs("farewell_hint", "many")).Unless.Select(c => c.Name));

        IReadOnlyList<SafetyFlag> Assess(string message) =>
            SafetyTriage.ByPatterns(QuestionNormalizer.Normalize(message), [selfHarm with { Patterns = [], Combinations = [pair] }]).Flags;

        Assert.Equal("concepts farewell_hint + heart_stop in the message without idiom or temporary", Assert.Single(Assess("gave my dog to my sister. how much would stop my heart?")).Explain());
        Assert.Empty(Assess("gave my dog to my sister for the week. how much would stop my heart?"));
    }

    private static SafetyConcept Concept(string name, params string[] patterns) =>
        new(name, patterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToArray());
}
