using ChatBot.Slack.Moderation;

namespace ChatBot.Slack.Tests;

public sealed class AdminCommandParsingTests
{
    [Theory]
    [InlineData("admin status", "status")]
    [InlineData("  ADMIN   gaps 7 ", "gaps 7")]
    [InlineData("admin", "")]
    public void AdminWordFirst_IsAnAdminCommand_RestForwarded(string text, string expected)
    {
        Assert.True(AdminCommandHandler.TryParse(text, "admin", out var command));
        Assert.Equal(expected, command);
    }

    [Theory]
    [InlineData("administer magnesium before bed?")]
    [InlineData("is admin status a question")]
    [InlineData("")]
    public void OtherText_IsAQuestion(string text) =>
        Assert.False(AdminCommandHandler.TryParse(text, "admin", out _));
}
