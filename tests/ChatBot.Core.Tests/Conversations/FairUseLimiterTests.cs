using ChatBot.Core.Conversations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Conversations;

public sealed class FairUseLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

    private FairUseLimiter Limiter(Action<FairUseOptions>? change = null)
    {
        var options = new FairUseOptions();
        change?.Invoke(options);
        return new FairUseLimiter(Options.Create(options), _time);
    }

    [Fact]
    public void A_burst_is_allowed_then_one_notice_then_silence_until_a_token_refills()
    {
        var limiter = Limiter();

        var verdicts = Enumerable.Range(0, 6).Select(_ => Ask(limiter, "discord:u1", "discord:c1")).ToArray();

        Assert.Equal([FairUseVerdict.Allowed, FairUseVerdict.Allowed, FairUseVerdict.Allowed, FairUseVerdict.Notice, FairUseVerdict.Silent, FairUseVerdict.Silent], verdicts);
        _time.Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(FairUseVerdict.Allowed, Ask(limiter, "discord:u1", "discord:c1"));
        Assert.Equal(FairUseVerdict.Notice, Ask(limiter, "discord:u1", "discord:c1"));
    }

    [Fact]
    public void A_refusal_whose_notice_was_not_sent_leaves_the_notice_for_the_next_one()
    {
        var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            Ask(limiter, "u", "c");
        }

        // Over the limit but answered anyway (an urgent red flag): no notice went out.
        Assert.Equal(FairUseVerdict.Notice, limiter.Check("u", "c").Verdict);

        Assert.Equal(FairUseVerdict.Notice, Ask(limiter, "u", "c"));
    }

    [Fact]
    public void A_raid_of_many_accounts_on_one_channel_gets_one_notice_not_one_each()
    {
        var limiter = Limiter(o => (o.PerChannelBurst, o.PerChannelPerMinute) = (2, 1));
        Ask(limiter, "a", "raided");
        Ask(limiter, "b", "raided");

        var verdicts = Enumerable.Range(0, 10).Select(i => Ask(limiter, $"raider{i}", "raided")).ToArray();

        Assert.Equal(1, verdicts.Count(v => v == FairUseVerdict.Notice));
        Assert.Equal(9, verdicts.Count(v => v == FairUseVerdict.Silent));
    }

    [Fact]
    public void Two_refusals_at_once_claim_one_notice_between_them()
    {
        var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            Ask(limiter, "u", "c");
        }

        var first = limiter.Check("u", "c");
        var second = limiter.Check("u", "c");

        Assert.Equal(FairUseVerdict.Notice, second.Verdict);
        Assert.True(limiter.TryClaimNotice(first));
        Assert.False(limiter.TryClaimNotice(second));
    }

    /// <summary>As the desk does: a refusal claims the notice, which is then sent, or stays silent.</summary>
    private static FairUseVerdict Ask(FairUseLimiter limiter, string user, string channel)
    {
        var decision = limiter.Check(user, channel);
        return decision.Verdict == FairUseVerdict.Allowed ? FairUseVerdict.Allowed
            : limiter.TryClaimNotice(decision) ? FairUseVerdict.Notice
            : FairUseVerdict.Silent;
    }

    [Fact]
    public void The_notice_says_how_long_until_the_next_question()
    {
        var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            limiter.Check("u", "c");
        }

        var decision = limiter.Check("u", "c");

        Assert.Equal(FairUseVerdict.Notice, decision.Verdict);
        Assert.InRange(decision.RetryAfter.TotalSeconds, 11.9, 12.1);
    }

    [Fact]
    public void One_person_over_the_limit_does_not_limit_another_in_the_same_channel()
    {
        var limiter = Limiter();
        for (var i = 0; i < 30; i++)
        {
            limiter.Check("flooder", "c");
        }

        Assert.Equal(FairUseVerdict.Allowed, limiter.Check("someone-else", "c").Verdict);
    }

    [Fact]
    public void A_busy_channel_limits_everyone_in_it_but_not_other_channels()
    {
        var limiter = Limiter(o => (o.PerChannelBurst, o.PerChannelPerMinute) = (4, 1));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(FairUseVerdict.Allowed, limiter.Check($"user{i}", "busy").Verdict);
        }

        Assert.Equal(FairUseVerdict.Notice, limiter.Check("user9", "busy").Verdict);
        Assert.Equal(FairUseVerdict.Allowed, limiter.Check("user9", "quiet").Verdict);
    }

    [Fact]
    public void A_refused_question_spends_no_token_of_the_other_limit()
    {
        var limiter = Limiter(o => (o.PerChannelBurst, o.PerChannelPerMinute) = (1, 1));
        limiter.Check("a", "busy");

        limiter.Check("b", "busy");

        // b's burst of 3 is intact: the refused question gave its token back.
        Assert.Equal(FairUseVerdict.Allowed, limiter.Check("b", "quiet1").Verdict);
        Assert.Equal(FairUseVerdict.Allowed, limiter.Check("b", "quiet2").Verdict);
        Assert.Equal(FairUseVerdict.Allowed, limiter.Check("b", "quiet3").Verdict);
    }

    [Fact]
    public void Disabled_allows_everything() =>
        Assert.All(Enumerable.Range(0, 50).Select(_ => Limiter(o => o.Enabled = false).Check("u", "c")), d => Assert.Equal(FairUseVerdict.Allowed, d.Verdict));

    [Fact]
    public void Memory_stays_bounded_as_people_come_and_go()
    {
        var limiter = Limiter(o => o.MaxTracked = 1000);

        for (var i = 0; i < 20_000; i++)
        {
            limiter.Check($"user{i}", $"channel{i % 50}");
            _time.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.InRange(limiter.TrackedCount, 1, 1000);
    }
}
