using System.Runtime.CompilerServices;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Safety;

namespace ChatBot.Core.Answering;

/// <summary>Builds the indexes of one knowledge version: retrieval and the safety triage on the same model.</summary>
public static class SnapshotBuilder
{
    /// <summary>Safety categories whose look-alikes passed <see cref="CheckPatterns"/> in this process.</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<SafetyCategory>, object> PatternsPassed = [];

    private static readonly object Passed = new();

    public static KnowledgeSnapshot Build(KnowledgeBase knowledge, RetrievalOptions options, EmbeddingCache? cache, DateTimeOffset loadedAt)
    {
        var retriever = new Retriever(knowledge, options, cache);
        var semantic = retriever.Mode == RetrievalMode.Semantic && cache is not null;
        var safetyIndex = semantic ? new SafetyIndex(knowledge.Safety, OrdinaryQuestions(knowledge), retriever.Rewriter, cache!, knowledge.Glossary) : null;
        var triage = new SafetyTriage(knowledge.Safety, safetyIndex, knowledge.Glossary);
        IReadOnlyList<string> embedded = [];
        IReadOnlyList<string> checkTexts = [];
        if (safetyIndex is not null)
        {
            // What the cache should keep once this version serves (the moderators' test messages included, so the
            // gate costs no model call at the next start): see KnowledgeStore, which trims it only then.
            var gateTexts = ModeratorTestRunner.Texts(knowledge, retriever, triage).Select(retriever.Rewriter.Neutral);
            embedded = [.. retriever.EmbeddedTexts, .. safetyIndex.Texts, .. gateTexts];
            // The clauses `faq validate` reads of every safety phrasing are kept but not embedded here: thousands of
            // members' phrasings would make every first start wait for them, and only the full check needs them.
            checkTexts = [.. SafetyPhraseCheck.Texts(triage).Select(retriever.Rewriter.Neutral)];
        }

        return new KnowledgeSnapshot(knowledge, retriever, triage, loadedAt) { EmbeddedTexts = embedded, CheckTexts = checkTexts };
    }

    /// <summary>
    /// Errors in the safety phrasings of a built snapshot (<see cref="SafetyPhraseCheck"/>); embeds the clauses it reads
    /// through the cache, once, so a second check of an unchanged file costs no model call.
    /// </summary>
    public static IReadOnlyList<KnowledgeError> CheckPhrases(KnowledgeSnapshot snapshot, EmbeddingCache? cache)
    {
        if (cache is null || snapshot.Retriever.Mode != RetrievalMode.Semantic)
        {
            // Without a model the full check is the pattern check, which the gate has run (and remembered) already.
            return CheckPatterns(snapshot);
        }

        // Every clause the check reads (worked out when the snapshot was built), embedded up front in batches
        // rather than phrasing by phrasing.
        cache.Ensure(snapshot.CheckTexts);

        return SafetyPhraseCheck.Run(snapshot.Safety, () => CachedVectors(snapshot, cache));
    }

    /// <summary>Vectors for one message, or a batch, embedded through the cache as retrieval would embed them.</summary>
    private static QuestionVectors CachedVectors(KnowledgeSnapshot snapshot, EmbeddingCache? cache)
    {
        if (cache is null || snapshot.Retriever.Mode != RetrievalMode.Semantic)
        {
            return snapshot.Retriever.NewVectors();
        }

        var rewriter = snapshot.Retriever.Rewriter;
        return new QuestionVectors(texts => cache.GetOrEmbed(texts.Select(rewriter.Neutral).ToArray()));
    }

    /// <summary>
    /// The part of the phrase check that needs no model: no look-alike may match a pattern. Deterministic, so every
    /// load and reload runs it; <c>faq validate</c> runs the full check.
    /// </summary>
    public static IReadOnlyList<KnowledgeError> CheckPatterns(KnowledgeSnapshot snapshot)
    {
        // It reads the safety categories alone, and an unchanged safety.yaml yields the same categories (SafetyReader),
        // so a reload of an FAQ edit does not pay a second or two to run every look-alike against every pattern again.
        // Only a pass is remembered: a timeout counts as a match, and a busy machine must not make a failure stick.
        var safety = snapshot.Knowledge.Safety;
        if (PatternsPassed.TryGetValue(safety, out _))
        {
            return [];
        }

        var errors = SafetyPhraseCheck.Run(new SafetyTriage(safety, null, snapshot.Knowledge.Glossary), () => QuestionVectors.Lexical);
        if (errors.Count == 0)
        {
            PatternsPassed.AddOrUpdate(safety, Passed);
        }

        return errors;
    }

    /// <summary>
    /// Counts the pattern check of <see cref="CheckPatterns"/> as passed for this snapshot's safety categories without
    /// running it: for a start that skipped the gate of a version known to have passed it (<see cref="PassedGateRecord"/>),
    /// so the first reload of an FAQ edit does not run it either.
    /// </summary>
    public static void PatternsKnownToPass(KnowledgeSnapshot snapshot) => PatternsPassed.AddOrUpdate(snapshot.Knowledge.Safety, Passed);

    /// <summary>
    /// The gate a version passes before it serves: no look-alike matched by a pattern, and every moderator
    /// test (<c>tests.yaml</c>) holding. Runs where the version is built, never on the reply path.
    /// </summary>
    public static IReadOnlyList<KnowledgeError> Gate(KnowledgeSnapshot snapshot, EmbeddingCache? cache) =>
        [.. CheckPatterns(snapshot), .. ModeratorTestRunner.Run(snapshot, CachedVectors(snapshot, cache))];

    /// <summary>
    /// The gate for an edit of a serving version: as above, and every red flag the serving version's tests expect
    /// must still be raised, even if the edit removed the test from <c>tests.yaml</c> — a red-flag expectation
    /// never regresses by deleting it.
    /// </summary>
    public static IReadOnlyList<KnowledgeError> Gate(KnowledgeSnapshot candidate, KnowledgeSnapshot live, EmbeddingCache? cache) =>
        [.. Gate(candidate, cache), .. ModeratorTestRunner.KeptRedFlags(candidate, live.Knowledge.Tests, candidate.Retriever.NewVectors())];

    /// <summary>The phrasings of entries, known gaps and small talk: questions that are not red flags by themselves.</summary>
    internal static string[] OrdinaryQuestions(KnowledgeBase knowledge) =>
    [
        .. knowledge.Entries.SelectMany(e => e.Alternates.Prepend(e.Question)),
        .. knowledge.NotCovered.SelectMany(g => g.Phrases),
        .. knowledge.SmallTalk.SelectMany(i => i.Phrases),
    ];
}
