using ChatBot.Slack.Moderation;

namespace ChatBot.Slack.Tests;

public sealed class AdminCommandParsingTests
{
    [Theory]
    [InlineData("admin status", "status")]
    [InlineData("  ADMIN   gaps 7 ", "gaps 7")]
    [InlineData("admin", "")]
    public void Admin_word_first_is_an_admin_command_rest_forwarded(string text, string expected)
    {
        Assert.True(AdminCommandHandler.TryParse(text, "admin", out var command));
        Assert.Equal(expected, command);
    }

    [Theory]
    [InlineData("administer magnesium before bed?")]
    [InlineData("is admin status a question")]
    [InlineData("")]
    public void Other_text_is_a_question(string text) =>
        Assert.False(AdminCommandHandler.TryParse(text, "admin", out _));
}
