using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// What retrieval concluded: one entry, two close ones, or none; with the ranked candidates and the
/// closest known gap (a question the article does not answer), if any scored.
/// </summary>
public sealed record MatchDecision(MatchKind Kind, IReadOnlyList<Candidate> Candidates, NotCoveredTopic? Gap = null, double GapScore = 0)
{
    /// <summary>For <see cref="MatchKind.SmallTalk"/>: the intent recognised.</summary>
    public SmallTalkIntent? Intent { get; init; }

    /// <summary>For <see cref="MatchKind.Answer"/>: a related entry about as close, answered alongside ("is it safe?": side effects and kidney disease).</summary>
    public FaqEntry? Companion { get; init; }

    /// <summary>For <see cref="MatchKind.Answer"/>: the companion is an unrelated entry that scored alike, so the question was ambiguous.</summary>
    public bool IsTie { get; init; }

    /// <summary>The known gap's phrasing nearest the question (semantic mode), so a moderator sees what a refusal matched.</summary>
    public string GapPhrase { get; init; } = "";

    /// <summary>The name of a gap's <c>names</c> the question used, when that decided the refusal (<see cref="OtherSubject"/>).</summary>
    public string GapName { get; init; } = "";

    /// <summary>For <see cref="MatchKind.NoAnswer"/>: a known gap matched well enough to answer and won (by its margin, or by a name), not merely a low score.</summary>
    public bool RefusedByGap { get; init; }

    public double Confidence => Candidates.Count > 0 ? Math.Clamp(Candidates[0].Score, 0, 1) : 0;
}
