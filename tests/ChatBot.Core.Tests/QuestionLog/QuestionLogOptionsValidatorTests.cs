using ChatBot.Core.QuestionLog;

namespace ChatBot.Core.Tests.QuestionLog;

public sealed class QuestionLogOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.True(Validate(new QuestionLogOptions()).Succeeded);

    [Fact]
    public void Postgres_without_a_connection_string_names_the_setting()
    {
        var result = Validate(new QuestionLogOptions { Provider = QuestionLogProvider.Postgres });

        Assert.Contains("QuestionLog:ConnectionString is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4000)]
    public void Retention_out_of_range_is_rejected(int days) =>
        Assert.Contains("QuestionLog:RetentionDays", Validate(new QuestionLogOptions { RetentionDays = days }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void A_short_user_id_key_is_rejected() =>
        Assert.Contains("QuestionLog:UserIdKey", Validate(new QuestionLogOptions { UserIdKey = "short" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void A_disabled_log_is_not_checked() =>
        Assert.True(Validate(new QuestionLogOptions { Enabled = false, RetentionDays = 0 }).Succeeded);

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(QuestionLogOptions options) =>
        new QuestionLogOptionsValidator().Validate(null, options);
}
