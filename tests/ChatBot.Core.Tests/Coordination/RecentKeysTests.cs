using ChatBot.Core.Coordination;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Coordination;

public sealed class RecentKeysTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_key_is_new_once_within_the_window_and_new_again_after_it()
    {
        var recent = new RecentKeys(_time, TimeSpan.FromMinutes(15));

        Assert.True(recent.FirstTime("m1"));
        Assert.False(recent.FirstTime("m1"));
        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.False(recent.FirstTime("m1"));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(recent.FirstTime("m1"));
    }

    [Fact]
    public void Work_with_several_keys_is_a_repeat_when_any_key_was_seen()
    {
        var recent = new RecentKeys(_time, TimeSpan.FromMinutes(15));

        Assert.True(recent.FirstTime("ev:1", "msg:C1:100.1"));
        Assert.False(recent.FirstTime("ev:2", "msg:C1:100.1"));
        Assert.False(recent.FirstTime("ev:1"));
        Assert.True(recent.FirstTime("ev:3", "msg:C1:100.2"));
    }

    [Fact]
    public void A_refused_repeat_remembers_none_of_its_new_keys()
    {
        var recent = new RecentKeys(_time, TimeSpan.FromMinutes(15));
        recent.FirstTime("a");

        Assert.False(recent.FirstTime("a", "b"));
        Assert.True(recent.FirstTime("b"));
    }

    [Fact]
    public void Memory_is_bounded_the_oldest_keys_are_forgotten_first()
    {
        var recent = new RecentKeys(_time, TimeSpan.FromHours(1));
        for (var i = 0; i <= RecentKeys.MaxKeys; i++)
        {
            recent.FirstTime("k" + i);
        }

        recent.FirstTime("one more");
        Assert.True(recent.FirstTime("k0"));
        Assert.False(recent.FirstTime("k" + RecentKeys.MaxKeys));
    }

    [Fact]
    public void Forgotten_keys_are_new_again_at_once_and_the_others_are_still_repeats()
    {
        var recent = new RecentKeys(_time, TimeSpan.FromMinutes(15));
        recent.FirstTime("ev:1", "msg:C1:100.1");
        recent.FirstTime("ev:2");

        recent.Forget("ev:1", "msg:C1:100.1");

        Assert.True(recent.FirstTime("ev:1", "msg:C1:100.1"));
        Assert.False(recent.FirstTime("ev:1"));
        Assert.False(recent.FirstTime("ev:2"));
        _time.Advance(TimeSpan.FromMinutes(16));
        Assert.True(recent.FirstTime("ev:1"));
    }
}
