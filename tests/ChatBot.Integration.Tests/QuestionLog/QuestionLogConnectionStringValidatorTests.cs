using ChatBot.Core.QuestionLog;
using ChatBot.Storage.QuestionLog;
using Microsoft.Extensions.Options;

namespace ChatBot.Integration.Tests.QuestionLog;

public sealed class QuestionLogConnectionStringValidatorTests
{
    [Fact]
    public void The_default_sqlite_file_is_valid() => Assert.True(Validate(new QuestionLogOptions()).Succeeded);

    [Fact]
    public void A_malformed_postgres_connection_string_is_rejected_without_echoing_it()
    {
        var result = Validate(new QuestionLogOptions { Provider = QuestionLogProvider.Postgres, ConnectionString = "Host=db;Passwurd=hunter2secret" });

        Assert.True(result.Failed);
        Assert.Contains("QuestionLog:ConnectionString is not a valid Postgres connection string", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sqlite_connection_string_without_a_file_names_the_setting() =>
        Assert.Contains("QuestionLog:ConnectionString must name a file", Validate(new QuestionLogOptions { ConnectionString = "Cache=Shared" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void A_missing_postgres_connection_string_is_left_to_cores_validator() =>
        Assert.True(Validate(new QuestionLogOptions { Provider = QuestionLogProvider.Postgres }).Succeeded);

    private static ValidateOptionsResult Validate(QuestionLogOptions options) =>
        new QuestionLogConnectionStringValidator().Validate(null, options);
}
