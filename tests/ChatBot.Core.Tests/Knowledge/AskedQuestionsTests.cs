using ChatBot.Core.Answering;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>
/// Members' questions (an entry's or a known gap's <c>asked</c> list) are matched like alternates, but safety
/// triage never reads them as harmless look-alikes: nobody vetted them for that, and a look-alike close to a
/// veiled red flag would hide it.
/// </summary>
public sealed class AskedQuestionsTests
{
    [Fact]
    public void Shipped_entries_and_a_known_gap_carry_members_questions()
    {
        var knowledge = TestKnowledge.Load();

        Assert.Contains(knowledge.Entries, e => e.Asked.Count > 0);
        Assert.Contains(knowledge.NotCovered, g => g.Asked.Count > 0);
        Assert.Contains(knowledge.SmallTalk, i => i.Asked.Count > 0);
    }

    [Fact]
    public void Members_questions_are_not_safety_look_alikes_but_alternates_are()
    {
        var knowledge = TestKnowledge.Load();
        var lookAlikes = SnapshotBuilder.OrdinaryQuestions(knowledge).ToHashSet(StringComparer.Ordinal);

        Assert.All(knowledge.Entries.SelectMany(e => e.Alternates), a => Assert.Contains(a, lookAlikes));
        var asked = AllAsked(knowledge)
            .Except(knowledge.Entries.SelectMany(e => e.Alternates.Prepend(e.Question)))
            .Except(knowledge.NotCovered.SelectMany(g => g.Phrases))
            .Except(knowledge.SmallTalk.SelectMany(i => i.Phrases))
            .Except(knowledge.Safety.SelectMany(c => c.NotExamples.Select(n => n.Text)));
        Assert.All(asked, q => Assert.DoesNotContain(q, lookAlikes));
    }

    [Fact]
    public void No_members_question_is_the_text_of_a_holdout_message()
    {
        var knowledge = TestKnowledge.Load();
        var asked = AllAsked(knowledge)
            .Select(q => q.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var holdouts = Directory.GetFiles(Path.Combine(TestKnowledge.RepositoryRoot, "eval"), "*holdout*.yaml");

        Assert.NotEmpty(holdouts);
        foreach (var file in holdouts)
        {
            Assert.All(ChatBot.Core.Evaluation.QuestionSet.Load(file), item => Assert.DoesNotContain(item.Question.Trim().ToLowerInvariant(), asked));
        }
    }

    [Fact]
    public void A_members_message_is_small_talk_in_semantic_mode_only()
    {
        var knowledge = TestKnowledge.Load();
        var asked = knowledge.SmallTalk.First(i => i.Asked.Count > 0);
        var phrasings = knowledge.SmallTalk.SelectMany(i => i.Phrases).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var message = asked.Asked.First(a => !phrasings.Contains(a));

        Assert.Contains(message, IndexedItem.Of(asked, withAsked: true).Phrases);
        Assert.DoesNotContain(message, IndexedItem.Of(asked, withAsked: false).Phrases);
    }

    private static IEnumerable<string> AllAsked(ChatBot.Core.Knowledge.KnowledgeBase knowledge) =>
        knowledge.Entries.SelectMany(e => e.Asked)
            .Concat(knowledge.NotCovered.SelectMany(g => g.Asked))
            .Concat(knowledge.SmallTalk.SelectMany(i => i.Asked));

    [Fact]
    public void A_members_question_is_matched_to_the_entry_that_lists_it()
    {
        var folder = TestKnowledge.CopyToTemp();
        try
        {
            var file = Path.Combine(folder, "faq", "developed-by-mit.yaml");
            const string Question = "  - \"who dreamt up the zorblax compound\"\n";
            var text = File.ReadAllText(file);
            text = text.Contains("\nasked:\n", StringComparison.Ordinal)
                ? text.Replace("\nasked:\n", "\nasked:\n" + Question, StringComparison.Ordinal)
                : text.Replace("\nanswer:", "\nasked:\n" + Question + "answer:", StringComparison.Ordinal);
            File.WriteAllText(file, text);

            var snapshot = TestKnowledge.Store(RetrievalMode.Semantic, folder).Current;

            Assert.Equal("developed-by-mit", snapshot.Retriever.Rank("who dreamt up the zorblax compound")[0].Entry.Id);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
