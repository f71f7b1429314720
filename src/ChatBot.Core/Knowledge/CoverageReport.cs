namespace ChatBot.Core.Knowledge;

/// <summary>Which source sentences no FAQ entry cites: the claims of the article the FAQ does not cover yet.</summary>
public sealed record CoverageReport(int SentenceCount, IReadOnlyList<(SourceDocument Source, SourceSentence Sentence)> Uncited)
{
    public int CitedCount => SentenceCount - Uncited.Count;

    public static CoverageReport Build(KnowledgeBase knowledge)
    {
        var cited = knowledge.Entries
            .SelectMany(e => e.Citations)
            .SelectMany(c => knowledge.Source(c.SourceId)?.SentencesOf(c.Quote).Select(s => (c.SourceId, s)) ?? [])
            .ToHashSet();
        var all = knowledge.Sources.SelectMany(source => source.Sentences.Select(sentence => (source, sentence))).ToArray();
        var uncited = all.Where(x => !cited.Contains((x.source.Id, x.sentence))).ToArray();
        return new CoverageReport(all.Length, uncited);
    }
}
