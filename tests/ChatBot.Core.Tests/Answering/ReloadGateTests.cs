using ChatBot.Core.Answering;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Answering;

/// <summary>An edit goes live only when the moderators' tests still hold; otherwise the last good version keeps serving.</summary>
public sealed class ReloadGateTests : IDisposable
{
    private readonly string _folder = TestKnowledge.CopyToTemp();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Safety => Path.Combine(_folder, "safety.yaml");

    /// <summary>
    /// A lexical store of the copy with a tenth of the members' phrasings: what the gate holds back is the moderators'
    /// tests' business, and the check of every look-alike against every pattern would run at each load and reload.
    /// </summary>
    private KnowledgeStore LexicalStore()
    {
        Folders.KeepFewerPhrasings(_folder, every: 10);
        return TestKnowledge.Store(RetrievalMode.Lexical, _folder);
    }

    [Fact]
    public void A_broken_safety_pattern_is_held_back_and_its_fix_goes_live()
    {
        var store = LexicalStore();
        var good = store.Current.Version;
        var original = File.ReadAllText(Safety);
        // A careless edit: every pattern of the emergency category replaced by one that never matches.
        File.WriteAllText(Safety, WithoutPatterns(original, "emergency"));

        var rejected = store.Reload();

        Assert.False(rejected.Applied);
        Assert.Equal(good, store.Current.Version);
        Assert.Contains(rejected.Errors, e => e.File == "tests.yaml" && e.Message.Contains("expected red flag emergency", StringComparison.Ordinal));
        Assert.Contains("tests.yaml:", rejected.Describe(), StringComparison.Ordinal);

        File.WriteAllText(Safety, original.Replace("label: Possible medical emergency", "label: Possible medical emergency!", StringComparison.Ordinal));
        var fixedEdit = store.Reload();

        Assert.True(fixedEdit.Applied);
        Assert.NotEqual(good, store.Current.Version);
    }

    [Fact]
    public void An_alternate_that_pulls_a_tested_question_into_the_wrong_entry_is_held_back()
    {
        var store = LexicalStore();
        var good = store.Current.Version;
        var entry = Path.Combine(_folder, "faq", "kidney-disease.yaml");
        // A moderator test expects this question to reach absorption-and-brain-entry; a careless alternate claims it.
        File.WriteAllText(entry, File.ReadAllText(entry).Replace("alternates:\n", "alternates:\n  - \"is it absorbed well or does it just go straight thru u\"\n", StringComparison.Ordinal));

        var rejected = store.Reload();

        Assert.False(rejected.Applied);
        Assert.Equal(good, store.Current.Version);
        Assert.Contains(rejected.Errors, e => e.File == "tests.yaml" && e.Message.Contains("got kidney-disease, expected absorption-and-brain-entry", StringComparison.Ordinal));
    }

    [Fact]
    public void Deleting_the_red_flag_tests_along_with_the_patterns_does_not_get_a_broken_safety_edit_through()
    {
        var store = LexicalStore();
        var good = store.Current.Version;
        File.WriteAllText(Safety, WithoutPatterns(File.ReadAllText(Safety), "emergency"));
        File.Delete(Path.Combine(_folder, "tests.yaml"));

        var rejected = store.Reload();

        Assert.False(rejected.Applied);
        Assert.Equal(good, store.Current.Version);
        Assert.Contains(rejected.Errors, e => e.File == "tests.yaml" && e.Message.Contains("no longer raises emergency", StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_naming_an_entry_that_does_not_exist_is_a_load_error()
    {
        var tests = Path.Combine(_folder, "tests.yaml");
        File.AppendAllText(tests, "  - message: \"side effects?\"\n    expect: side-efects\n");

        var result = ChatBot.Core.Knowledge.KnowledgeLoader.Load(_folder);

        Assert.Contains(result.Errors, e => e.File == "tests.yaml" && e.Field == "expect" && e.Message.Contains("side-efects", StringComparison.Ordinal));
    }

    private static string WithoutPatterns(string yaml, string category)
    {
        var start = yaml.IndexOf("    patterns:\n", yaml.IndexOf($"  - id: {category}\n", StringComparison.Ordinal), StringComparison.Ordinal) + "    patterns:\n".Length;
        var end = yaml.IndexOf("    examples:\n", start, StringComparison.Ordinal);
        return yaml[..start] + "      - 'xyzzy-never'\n" + yaml[end..];
    }
}
