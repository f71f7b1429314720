using ChatBot.Core.QuestionLog;
using ChatBot.Core.QuestionLog.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Integration.Tests.QuestionLog;

/// <summary>The moderator reports over each store, with the production container and a fixed clock.</summary>
public abstract partial class QuestionLogContract
{
    [SkippableFact]
    public async Task Gaps_groups_similar_unanswered_questions_with_counts_and_people()
    {
        var hour = Now.AddHours(-1);
        await using (var store = Store())
        {
            await store.AppendAsync(
            [
                Question(hour, "is it good for my dog", user: "h1"),
                Question(hour, "is it good for my dog", user: "h2"),
                Question(hour, "is it good for my dog", user: "h1"),
                Question(hour.AddMinutes(5), "is it good for dogs?", user: "h3"),
                Question(hour, "how long until it works"),
                Question(hour, "how long until it works"),
                Question(hour, "anxiety help?", LoggedQuestion.AnswerOutcome, "anxiety", confidence: 0.35),
                Question(hour, "what dose should I take", LoggedQuestion.AnswerOutcome, "study-dose", confidence: 0.9),
                Question(hour, null, LoggedQuestion.SafetyOutcome, confidence: 0.2, flags: ["pregnancy"]),
                Question(Now.AddDays(-10), "is it good for my dog"),
            ], CancellationToken.None);
        }

        using var host = LogTestHost.Build(Provider, ConnectionString, time: new FakeTimeProvider(Now));
        var report = await host.Services.GetRequiredService<IModeratorReports>().GapsAsync(7, CancellationToken.None);

        Assert.Equal((true, 9, 8, 1), (report.LogEnabled, report.Questions, report.Gaps, report.Withheld));
        Assert.Equal(
            [("is it good for my dog", 4, 3), ("how long until it works", 2, 1), ("anxiety help?", 1, 1)],
            report.Groups.Select(g => (g.Question, g.Count, g.People)));
        Assert.Equal(["is it good for dogs?"], report.Groups[0].Samples);
        Assert.Equal(hour.AddMinutes(5), report.Groups[0].LastAsked);
        Assert.Equal((0, 0, 1, "anxiety"), (report.Groups[2].NoAnswer, report.Groups[2].Clarify, report.Groups[2].LowConfidence, report.Groups[2].NearestEntryId));
    }

    [SkippableFact]
    public async Task Feedback_ranks_entries_by_thumbs_down_counting_each_persons_last_vote()
    {
        var dose = Question(Now.AddHours(-2), "what dose should I take", LoggedQuestion.AnswerOutcome, "study-dose", 0.8);
        var anxiety = Question(Now.AddHours(-2), "does it help anxiety", LoggedQuestion.AnswerOutcome, "anxiety", 0.7);
        var dog = Question(Now.AddHours(-2), "is it good for my dog");
        var sideEffects = Question(Now.AddHours(-2), "side effects?", LoggedQuestion.AnswerOutcome, "side-effects", 0.9);
        await using (var store = Store())
        {
            await store.AppendAsync(
            [
                dose, anxiety, dog, sideEffects,
                Vote(Now.AddHours(-1), "a", dose, helpful: false),
                Vote(Now.AddHours(-1), "b", dose, helpful: false),
                Vote(Now.AddMinutes(-30), "a", dose, helpful: true),
                Vote(Now.AddHours(-1), "c", anxiety, helpful: false),
                Vote(Now.AddHours(-1), "d", anxiety, helpful: false),
                Vote(Now.AddHours(-1), "e", dog, helpful: false),
                Vote(Now.AddHours(-1), "f", sideEffects, helpful: true),
            ], CancellationToken.None);
        }

        using var host = LogTestHost.Build(Provider, ConnectionString, time: new FakeTimeProvider(Now));
        var report = await host.Services.GetRequiredService<IModeratorReports>().FeedbackAsync(CancellationToken.None);

        Assert.Equal(6, report.Votes);
        Assert.Equal([("anxiety", 2, 0), (null, 1, 0), ("study-dose", 1, 1)], report.Entries.Select(e => (e.EntryId, e.Down, e.Up)));
        Assert.Equal(["does it help anxiety"], report.Entries[0].Samples);
        Assert.NotNull(report.Entries[0].Title);
        Assert.Null(report.Entries[1].Title);
    }

    private static LoggedVote Vote(DateTimeOffset at, string user, LoggedQuestion question, bool helpful) =>
        new(at, "discord", user, question.ReplyId, question.EntryId, helpful);
}
