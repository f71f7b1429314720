using ChatBot.Core.QuestionLog.Reports;

namespace ChatBot.Core.Tests.QuestionLog;

public sealed class ModeratorReportTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Gaps_shows_counts_people_and_other_wordings_within_the_group_limit()
    {
        var report = new GapReport(true, 7, Now.AddDays(-7), 40, 3, 0,
        [
            new QuestionGroup("is it good for my dog", 2, 1, 2, 0, 0, null, Now, ["is it good for dogs?"]),
            new QuestionGroup("jet lag?", 1, 0, 1, 0, 0, null, Now, []),
        ]);

        var text = ModeratorReportText.Gaps(report, maxGroups: 1);

        Assert.Contains("3 of 40 question(s)", text, StringComparison.Ordinal);
        Assert.Contains("2x  \"is it good for my dog\"  (1 person; no answer 2", text, StringComparison.Ordinal);
        Assert.Contains("also: \"is it good for dogs?\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("jet lag", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Question_text_cannot_carry_control_characters_into_a_terminal()
    {
        var report = new GapReport(true, 1, Now, 1, 1, 0, [new QuestionGroup("evil\u001b[2Jquestion", 1, 0, 1, 0, 0, null, Now, [])]);

        Assert.DoesNotContain('\u001b', ModeratorReportText.Gaps(report));
    }

    [Fact]
    public void Reports_of_a_disabled_log_say_it_is_off()
    {
        Assert.Equal(ModeratorReportText.Disabled, ModeratorReportText.Gaps(GapReport.Disabled(7, Now)));
        Assert.Equal(ModeratorReportText.Disabled, ModeratorReportText.Feedback(FeedbackReport.Disabled(Now)));
    }

    [Fact]
    public void Feedback_names_the_no_answer_reply_and_entries_gone_from_the_faq()
    {
        var report = new FeedbackReport(true, Now.AddDays(-30), 3,
        [
            new EntryFeedback(null, null, 2, 0, Now, ["is it good for my dog"]),
            new EntryFeedback("old-entry", null, 1, 0, Now, []),
        ]);

        var text = ModeratorReportText.Feedback(report);

        Assert.Contains("(no entry: the no-answer reply)", text, StringComparison.Ordinal);
        Assert.Contains("old-entry (no longer in the FAQ)", text, StringComparison.Ordinal);
        Assert.Contains("asked: \"is it good for my dog\"", text, StringComparison.Ordinal);
    }
}
