using ChatBot.Discord.Gateway;
using ChatBot.Discord.Interactions;
using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Tests;

public sealed class ProtocolUnitTests
{
    [Theory]
    [InlineData(null, "Resume")]
    [InlineData(1006, "Resume")]
    [InlineData(4000, "Resume")]
    [InlineData(4001, "Resume")]
    [InlineData(4002, "Resume")]
    [InlineData(1001, "Resume")]
    [InlineData(1000, "NewSession")]
    [InlineData(4003, "NewSession")]
    [InlineData(4005, "NewSession")]
    [InlineData(4007, "NewSession")]
    [InlineData(4008, "NewSession")]
    [InlineData(4009, "NewSession")]
    [InlineData(4004, "Stop")]
    [InlineData(4010, "Stop")]
    [InlineData(4011, "Stop")]
    [InlineData(4012, "Stop")]
    [InlineData(4013, "Stop")]
    [InlineData(4014, "Stop")]
    public void Close_code_maps_to_resume_new_session_or_stop(int? code, string expected) =>
        Assert.Equal(expected, CloseCodes.Classify(code).Kind.ToString());

    [Fact]
    public void Rate_limit_wait_is_the_largest_of_body_header_and_reset_after()
    {
        var headers = Parse(("Retry-After", "2"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "1.337"), ("X-RateLimit-Bucket", "abcd1234"), ("X-RateLimit-Scope", "user"));

        Assert.Equal(TimeSpan.FromSeconds(2), headers.RetryDelay(1.337));
        Assert.Equal(TimeSpan.FromSeconds(3.5), headers.RetryDelay(3.5));
        Assert.Equal("abcd1234", headers.Bucket);
        Assert.False(headers.IsSharedScope);
    }

    [Fact]
    public void Global_and_shared_scopes_and_cloudflare_blocks_are_recognised()
    {
        Assert.True(Parse(("X-RateLimit-Global", "true"), ("X-RateLimit-Scope", "global")).Global);
        Assert.True(Parse(("X-RateLimit-Scope", "shared")).IsSharedScope);
        Assert.True(Parse().IsEmpty);
    }

    [Fact]
    public void Feedback_and_entry_custom_ids_round_trip()
    {
        Assert.True(CustomIds.TryParseFeedback(CustomIds.Feedback(false, "0123456789abcdef", "how-much"), out var helpful, out var replyId, out var entryId));
        Assert.False(helpful);
        Assert.Equal("0123456789abcdef", replyId);
        Assert.Equal("how-much", entryId);
        Assert.True(CustomIds.TryParseEntry(CustomIds.Entry("how-much"), out var entry));
        Assert.Equal("how-much", entry);
        Assert.False(CustomIds.TryParseFeedback("fb:x", out _, out _, out _));
    }

    [Fact]
    public void Discord_error_body_is_parsed_to_code_and_message()
    {
        var error = DiscordError.Parse("""{"code":50035,"message":"Invalid Form Body","errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}}""");

        Assert.Equal(50035, error.Code);
        Assert.Equal("Invalid Form Body", error.Message);
        Assert.Equal("error code: 1015", DiscordError.Parse("error code: 1015").Message);
    }

    private static RateLimitHeaders Parse(params (string Name, string Value)[] values)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in values)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RateLimitHeaders.From(response.Headers);
    }
}
