using ChatBot.Core.Delivery;

namespace ChatBot.Core.Tests.Delivery;

public sealed class BackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    [Fact]
    public void Ceiling_doubles_from_the_first_step()
    {
        var backoff = new Backoff(First, Cap);

        Assert.Equal([1, 2, 4, 8, 16, 32], Enumerable.Range(1, 6).Select(n => backoff.Ceiling(n).TotalSeconds));
    }

    [Fact]
    public void Ceiling_stops_at_the_cap_however_long_the_outage()
    {
        var backoff = new Backoff(First, Cap);

        Assert.Equal(Cap, backoff.Ceiling(7));
        Assert.Equal(Cap, backoff.Ceiling(10_000));
        Assert.Equal(Cap, backoff.Ceiling(int.MaxValue));
    }

    [Fact]
    public void An_attempt_below_one_counts_as_the_first_retry()
    {
        var backoff = new Backoff(First, Cap);

        Assert.Equal(First, backoff.Ceiling(0));
        Assert.Equal(First, backoff.Ceiling(-3));
    }

    [Fact]
    public void Every_delay_lies_between_zero_and_the_ceiling()
    {
        var backoff = new Backoff(First, Cap, new Random(7));

        for (var attempt = 1; attempt <= 12; attempt++)
        {
            for (var i = 0; i < 200; i++)
            {
                var delay = backoff.Delay(attempt);
                Assert.InRange(delay, TimeSpan.Zero, backoff.Ceiling(attempt));
            }
        }
    }

    [Fact]
    public void Delays_are_spread_across_the_whole_range_not_bunched()
    {
        var backoff = new Backoff(First, Cap, new Random(11));

        var delays = Enumerable.Range(0, 1000).Select(_ => backoff.Delay(4).TotalSeconds).ToList();

        // Full jitter: uniform over [0, 8 s), so both the low and the high eighth are visited.
        Assert.Contains(delays, d => d < 1);
        Assert.Contains(delays, d => d > 7);
        Assert.InRange(delays.Average(), 3.5, 4.5);
    }

    [Fact]
    public void The_same_seed_gives_the_same_delays()
    {
        var one = new Backoff(First, Cap, new Random(42));
        var other = new Backoff(First, Cap, new Random(42));

        Assert.Equal(
            Enumerable.Range(1, 8).Select(one.Delay),
            Enumerable.Range(1, 8).Select(other.Delay));
    }

    [Fact]
    public void A_cap_below_the_first_step_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Backoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Backoff(TimeSpan.Zero, Cap));
    }
}
