using System.Globalization;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Safety;
using ChatBot.Core.Text;

namespace ChatBot.Core.Answering;

/// <summary>
/// Runs the moderators' expectations (<c>tests.yaml</c>) against one knowledge version, as users would be
/// answered by it. Each failure is a <see cref="KnowledgeError"/> naming the test's line, so a rejected
/// edit is reported like any other broken file.
/// </summary>
public static class ModeratorTestRunner
{
    public static IReadOnlyList<KnowledgeError> Run(KnowledgeSnapshot snapshot) => Run(snapshot, snapshot.Retriever.NewVectors());

    /// <param name="vectors">Where the test messages' embeddings come from: the embedding cache at start and reload, so
    /// an unchanged tests.yaml costs no model call.</param>
    public static IReadOnlyList<KnowledgeError> Run(KnowledgeSnapshot snapshot, QuestionVectors vectors)
    {
        var tests = snapshot.Knowledge.Tests;
        var messages = tests.Select(t => QuestionNormalizer.Normalize(t.Message)).ToArray();

        // Every text the answers will read, embedded together rather than one call a test.
        vectors.Ensure(Texts(snapshot.Knowledge, snapshot.Retriever, snapshot.Safety).ToArray());

        return tests
            .Select((test, i) => (test, problem: Check(test, AnswerEngine.Answer(snapshot, messages[i], vectors))))
            .Where(r => r.problem is not null)
            .Select(r => new KnowledgeError(KnowledgeLoader.TestsFile, r.test.Line, "", $"{Short(r.test.Message)} → {r.problem}"))
            .ToArray();
    }

    /// <summary>
    /// The red flags the serving version's tests expect, checked on an edited version whose own tests.yaml no longer
    /// expects them (the test removed, or its flags dropped).
    /// </summary>
    public static IReadOnlyList<KnowledgeError> KeptRedFlags(KnowledgeSnapshot candidate, IReadOnlyList<ModeratorTest> liveTests, QuestionVectors vectors)
    {
        var stillTested = candidate.Knowledge.Tests.ToLookup(t => t.Message, StringComparer.Ordinal);
        return liveTests
            .Where(t => t.Flags.Count > 0)
            .Select(t => (test: t, flags: t.Flags.Where(f => !stillTested[t.Message].Any(c => c.Flags.Contains(f))).ToArray()))
            .Where(x => x.flags.Length > 0)
            .Select(x => (x.test, x.flags, reply: AnswerEngine.Answer(candidate, QuestionNormalizer.Normalize(x.test.Message), vectors)))
            .Select(x => (x.test, missing: x.flags.Where(f => !x.reply.SafetyFlags.Contains(f)).ToArray()))
            .Where(x => x.missing.Length > 0)
            .Select(x => new KnowledgeError(KnowledgeLoader.TestsFile, x.test.Line, "",
                $"{Short(x.test.Message)} → no longer raises {string.Join(", ", x.missing)}: a red-flag test of the serving version (removing it from tests.yaml does not lift it)"))
            .ToArray();
    }

    /// <summary>The texts the tests' answers embed (clauses for triage, parts for retrieval), as retrieval prepares them.</summary>
    public static IEnumerable<string> Texts(KnowledgeBase knowledge, Retriever retriever, SafetyTriage safety) =>
        knowledge.Tests
            .SelectMany(t => KnowledgeSnapshot.TextsToEmbed(retriever, safety, QuestionNormalizer.Normalize(t.Message)))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal);

    /// <summary>What is wrong with the reply, or null when the test holds.</summary>
    public static string? Check(ModeratorTest test, Reply reply)
    {
        var got = Describe(reply);
        var entryOk = test.Expect switch
        {
            ModeratorTest.Any => true,
            ModeratorTest.NoAnswer => reply.EntryId is null && reply.Intent is null,
            ModeratorTest.SmallTalk => reply.Intent is not null,
            _ => reply.EntryId == test.Expect || reply.CompanionEntryId == test.Expect,
        };
        if (!entryOk)
        {
            return $"got {got}, expected {test.Expect}";
        }

        var missing = test.Flags.Where(f => !reply.SafetyFlags.Contains(f)).ToArray();
        if (missing.Length > 0)
        {
            return $"got {got}, expected red flag {string.Join(", ", missing)}";
        }

        if (test.NoFlags && reply.SafetyFlags.Count > 0)
        {
            return $"got {got}, expected no red flag";
        }

        var text = reply.Text;
        var absent = test.Contains.FirstOrDefault(w => !text.Contains(w, StringComparison.OrdinalIgnoreCase));
        if (absent is not null)
        {
            return $"got {got} without \"{absent}\", expected it in the reply";
        }

        var present = test.NotContains.FirstOrDefault(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        return present is null ? null : $"got {got} containing \"{present}\", expected it absent";
    }

    private static string Describe(Reply reply)
    {
        var what = reply.EntryId ?? (reply.Intent is null ? reply.Outcome.ToString().ToLower(CultureInfo.InvariantCulture) : $"small talk ({reply.Intent})");
        return reply.SafetyFlags.Count == 0 ? what : $"{what} [{string.Join(", ", reply.SafetyFlags)}]";
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
