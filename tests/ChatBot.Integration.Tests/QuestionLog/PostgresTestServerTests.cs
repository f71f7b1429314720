namespace ChatBot.Integration.Tests.QuestionLog;

/// <summary>Without a configured server the PostgreSQL tests skip locally and fail under CI.</summary>
public sealed class PostgresTestServerTests
{
    [Fact]
    public void No_server_outside_CI_skips_with_a_reason()
    {
        var skip = Assert.Throws<SkipException>(() => PostgresTestServer.RequireServer(null, null));

        Assert.Contains(PostgresTestServer.Variable, skip.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_server_under_CI_fails()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => PostgresTestServer.RequireServer(null, "true"));

        Assert.Contains("CI is set", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_server_is_used()
    {
        PostgresTestServer.RequireServer("Host=localhost;Username=chatbot_test", "true");
    }
}
