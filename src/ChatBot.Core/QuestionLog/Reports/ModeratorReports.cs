using ChatBot.Core.Answering;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.QuestionLog.Reports;

/// <summary>Reads the log and aggregates in memory: a report is a few thousand rows at most.</summary>
public sealed class ModeratorReports(
    IQuestionLogStore store,
    KnowledgeStore knowledge,
    ITextEmbedder embedder,
    IOptions<QuestionLogOptions> options,
    IOptions<RetrievalOptions> retrieval,
    TimeProvider time) : IModeratorReports
{
    /// <summary>The newest gap questions read per report; enough to see the pattern, bounded to keep grouping fast.</summary>
    public const int MaxQuestions = 2000;

    public const int MaxGroups = 20;
    public const int MaxSamples = 3;

    public async Task<GapReport> GapsAsync(int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var since = time.GetUtcNow() - TimeSpan.FromDays(days);
        var total = await store.CountQuestionsAsync(since, cancellationToken).ConfigureAwait(false);
        var rows = await store.GapCandidatesAsync(since, LowConfidence, MaxQuestions, cancellationToken).ConfigureAwait(false);
        var wordings = rows.Where(r => r.Question is not null && r.Question.Any(char.IsLetterOrDigit))
            .GroupBy(r => r.Question!.Trim().TrimEnd('?', '!', '.').ToLowerInvariant())
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(r => r.At))
            .Select(g => g.ToArray())
            .ToArray();
        var grouper = new QuestionGrouper(retrieval.Value.Mode == RetrievalMode.Semantic ? embedder : null);
        var groups = grouper.Group(wordings.Select(w => w[0].Question!).ToArray())
            .Select(indexes => Summarize(indexes.Select(i => wordings[i]).ToArray()))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastAsked)
            .Take(MaxGroups)
            .ToArray();
        return new GapReport(true, days, since, total, rows.Count, rows.Count(r => r.Question is null), groups);
    }

    public async Task<FeedbackReport> FeedbackAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var votes = await store.VotesAsync(since, cancellationToken).ConfigureAwait(false);

        // A person who changes their mind counts once, with their last vote; anonymous votes count each.
        var counted = votes
            .Select((v, i) => (Stored: v, Key: v.Vote.UserHash is null ? $"#{i}" : v.Vote.ReplyId + "|" + v.Vote.UserHash))
            .GroupBy(x => x.Key)
            .Select(g => g.Last().Stored)
            .ToArray();
        var entries = knowledge.Current.Knowledge;
        var rows = counted.GroupBy(v => v.Vote.EntryId)
            .Select(g => new EntryFeedback(
                g.Key,
                g.Key is null ? null : entries.Find(g.Key)?.Question,
                g.Count(v => !v.Vote.Helpful),
                g.Count(v => v.Vote.Helpful),
                g.Max(v => v.Vote.At),
                g.Where(v => !v.Vote.Helpful && v.Question is not null).Select(v => v.Question!).Reverse().Distinct().Take(MaxSamples).ToArray()))
            .Where(e => e.Down > 0)
            .OrderByDescending(e => e.Down).ThenBy(e => e.Up).ThenByDescending(e => e.LastVote)
            .Take(MaxGroups)
            .ToArray();
        return new FeedbackReport(true, since, counted.Length, rows);
    }

    private double LowConfidence =>
        (retrieval.Value.Mode == RetrievalMode.Semantic ? retrieval.Value.SemanticThreshold : retrieval.Value.LexicalThreshold)
        + options.Value.LowConfidenceMargin;

    private static QuestionGroup Summarize(IReadOnlyList<LoggedQuestion[]> wordings)
    {
        var rows = wordings.SelectMany(w => w).ToArray();
        var nearest = rows.Where(r => r.EntryId is not null).GroupBy(r => r.EntryId).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        return new QuestionGroup(
            wordings[0][0].Question!,
            rows.Length,
            rows.Where(r => r.UserHash is not null).Select(r => r.UserHash).Distinct().Count(),
            rows.Count(r => r.Outcome == LoggedQuestion.NoAnswerOutcome),
            rows.Count(r => r.Outcome == LoggedQuestion.ClarifyOutcome),
            rows.Count(r => r.Outcome is LoggedQuestion.AnswerOutcome or LoggedQuestion.SafetyOutcome),
            nearest,
            rows.Max(r => r.At),
            wordings.Skip(1).Take(MaxSamples).Select(w => w[0].Question!).ToArray());
    }
}
