using ChatBot.Host.Cli;

namespace ChatBot.Integration.Tests.Cli;

public sealed class ConfigurationOverridesTests
{
    [Fact]
    public void Section_key_value_words_are_settings_and_the_rest_is_left_in_order()
    {
        var (settings, words) = ConfigurationOverrides.Split(["faq", "--Retrieval:Mode=Lexical", "gaps", "--days=3", "--QuestionLog:ConnectionString=Host=x;Port=1", "--json"]);

        Assert.Equal(["--Retrieval:Mode=Lexical", "--QuestionLog:ConnectionString=Host=x;Port=1"], settings);
        Assert.Equal(["faq", "gaps", "--days=3", "--json"], words);
    }

    [Fact]
    public void Nothing_after_a_bare_double_dash_is_a_setting()
    {
        var (settings, words) = ConfigurationOverrides.Split(["ask", "--", "--Retrieval:Mode=Lexical"]);

        Assert.Empty(settings);
        Assert.Equal(["ask", "--", "--Retrieval:Mode=Lexical"], words);
    }
}
