using ChatBot.Core.Answering;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Safety;

/// <summary>A phrasing that would teach the triage the wrong thing is refused, with file, line and field.</summary>
public sealed class SafetyPhraseCheckTests : IDisposable
{
    private readonly string _folder = TestKnowledge.CopyToTemp();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_look_alike_that_a_pattern_matches_is_refused_at_load()
    {
        // The load checks every look-alike against every pattern; one in ten of the others is enough around this one.
        Folders.KeepFewerPhrasings(_folder, every: 10);
        AddUnder("medication", "not_examples", "I want to die");

        var error = Assert.Throws<KnowledgeInvalidException>(() => TestKnowledge.Store(RetrievalMode.Lexical, _folder));

        var first = Assert.Single(error.Errors);
        Assert.Equal("safety.yaml", first.File);
        Assert.Equal("medication.not_examples", first.Field);
        Assert.Contains("I want to die", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_example_filed_under_the_wrong_category_is_refused_by_the_full_check()
    {
        // The moderators' tests hold what the shipped phrasings do; with one in ten they need not pass.
        File.Delete(Path.Combine(_folder, "tests.yaml"));
        Folders.KeepFewerPhrasings(_folder, every: 10);
        AddUnder("kidney", "examples", "everyone would honestly be better off if i just wasn't around anymore");

        var errors = TestKnowledge.Store(RetrievalMode.Semantic, _folder).CheckPhrases();

        Assert.Contains(errors, e => e.Field == "kidney.examples" && e.Message.Contains("self_harm", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_phrasings_pass_the_full_check() =>
        Assert.Empty(TestKnowledge.ShippedStore(RetrievalMode.Semantic).CheckPhrases());

    private void AddUnder(string category, string list, string phrase)
    {
        var file = Path.Combine(_folder, "safety.yaml");
        var text = File.ReadAllText(file);
        var at = text.IndexOf($"    {list}:\n", text.IndexOf($"  - id: {category}\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var insert = at + $"    {list}:\n".Length;
        File.WriteAllText(file, text[..insert] + $"      - \"{phrase}\"\n" + text[insert..]);
    }
}
