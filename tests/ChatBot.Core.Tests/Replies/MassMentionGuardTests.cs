using ChatBot.Core.Replies;

namespace ChatBot.Core.Tests.Replies;

public sealed class MassMentionGuardTests
{
    [Theory]
    [InlineData("@everyone look")]
    [InlineData("hey @here")]
    [InlineData("<!channel> all")]
    [InlineData("<!here|here>")]
    [InlineData("<!subteam^S123|@mods>")]
    [InlineData("<@&123456789012345678>")]
    [InlineData("<@U123> hi")]
    public void Defuse_leaves_nothing_that_pings(string text)
    {
        var defused = MassMentionGuard.Defuse(text);

        Assert.False(MassMentionGuard.ContainsMention(defused), defused);
    }

    [Fact]
    public void Defuse_keeps_ordinary_text() =>
        Assert.Equal("headaches, drowsiness & more <3", MassMentionGuard.Defuse("headaches, drowsiness & more <3"));
}
