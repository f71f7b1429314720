using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Knowledge;

public sealed class ShippedKnowledgeTests
{
    private readonly KnowledgeBase _knowledge = TestKnowledge.Load();

    [Fact]
    public void Shipped_folder_validates_without_errors()
    {
        var result = KnowledgeLoader.Load(TestKnowledge.Folder);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Faq_has_20_to_40_entries_each_complete()
    {
        Assert.InRange(_knowledge.Entries.Count, 20, 40);
        Assert.All(_knowledge.Entries, e =>
        {
            Assert.True(e.Alternates.Count >= 4, e.Id);
            Assert.NotEmpty(e.Citations);
            Assert.NotEmpty(e.Caveats);
            Assert.NotEmpty(e.Evidence.Kinds);
            Assert.All(e.Citations, c => Assert.Matches(@"^¶\d+ s\.\d+", c.Location));
        });
    }

    [Fact]
    public void Every_claim_of_the_article_is_cited_by_some_entry()
    {
        var report = CoverageReport.Build(_knowledge);

        // The title, and a sentence describing the article itself that states no claim.
        string[] notClaims = ["Does Magnesium L-Threonate Help You Sleep?", "- An Expert's Perspective", "It also explores the importance of magnesium"];
        Assert.All(report.Uncited, u => Assert.Contains(notClaims, n => u.Sentence.Text.StartsWith(n, StringComparison.Ordinal)));
    }

    [Fact]
    public void Source_text_is_the_article_unchanged()
    {
        var article = File.ReadAllText(TestKnowledge.DataFile("article.txt")).Trim();

        Assert.Equal(article, _knowledge.Sources.Single().Text.Trim());
    }

    [Fact]
    public void Study_dose_is_reported_as_what_the_study_used_never_as_advice()
    {
        var dose = _knowledge.Entries.Where(e => e.Answer.Contains("2,000", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(dose);
        Assert.All(dose, e => Assert.Contains("study", e.Answer, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Sleep_answer_states_both_sides_of_the_article()
    {
        var sleep = _knowledge.Find("does-it-help-sleep")!;

        Assert.Contains("placebo", sleep.Answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sleep disorders", sleep.Answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_safety_category_is_present_and_urgent_ones_replace_the_answer()
    {
        var ids = _knowledge.Safety.ToDictionary(c => c.Id);

        Assert.Equal(SafetyAction.Replace, ids["emergency"].Action);
        Assert.Equal(SafetyAction.Replace, ids["self_harm"].Action);
        Assert.All(new[] { "pregnancy", "child", "kidney", "medication" }, id => Assert.Equal(SafetyAction.Warn, ids[id].Action));
        Assert.Contains("988", ids["self_harm"].Message, StringComparison.Ordinal);
    }
}
