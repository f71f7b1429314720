using ChatBot.Core.Answering;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Answering;

public sealed class KnowledgeDiffTests : IDisposable
{
    private readonly string _folder = TestKnowledge.CopyToTemp();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_edit_that_pulls_dose_questions_into_another_entry_shows_up_before_it_is_saved()
    {
        var live = TestKnowledge.ShippedStore(RetrievalMode.Semantic).Current;
        var file = Path.Combine(_folder, "faq", "side-effects.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("alternates:\n", "alternates:\n  - \"how much mgt should i take for sleep\"\n  - \"whats the right dose of magtein\"\n", StringComparison.Ordinal));
        var edited = TestKnowledge.Store(RetrievalMode.Semantic, _folder).Current;

        var changes = KnowledgeDiff.Compare(live, edited, ["how much mgt should i take for sleep", "side effects?"]);

        var change = Assert.Single(changes);
        Assert.Equal("how much mgt should i take for sleep", change.Message);
        Assert.Contains("side-effects", change.Edited, StringComparison.Ordinal);
        Assert.DoesNotContain("side-effects", change.Live, StringComparison.Ordinal);
    }
}
