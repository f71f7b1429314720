using System.Security.Cryptography;
using System.Text;
using ChatBot.Core.QuestionLog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.QuestionLog;

public sealed class UserIdHasherTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Hash_is_the_hmac_sha256_of_platform_and_id_under_the_configured_key()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes("discord:42")));

        Assert.Equal(expected, Hasher(Key).Hash("discord", "42"));
    }

    [Fact]
    public void Hash_differs_between_keys_and_between_platforms()
    {
        var hasher = Hasher(Key);

        Assert.NotEqual(hasher.Hash("discord", "42"), Hasher(Key + "x").Hash("discord", "42"));
        Assert.NotEqual(hasher.Hash("discord", "42"), hasher.Hash("slack", "42"));
    }

    [Fact]
    public void Without_a_configured_key_hashes_are_stable_in_one_process_but_not_plain_sha256()
    {
        var hasher = Hasher(null);
        var plain = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("discord:42")));

        Assert.Equal(hasher.Hash("discord", "42"), hasher.Hash("discord", "42"));
        Assert.NotEqual(plain, hasher.Hash("discord", "42"));
        Assert.NotEqual(hasher.Hash("discord", "42"), Hasher(null).Hash("discord", "42"));
    }

    [Fact]
    public void Hash_of_no_user_is_null() => Assert.Null(Hasher(Key).Hash("console", null));

    private static UserIdHasher Hasher(string? key) =>
        new(Options.Create(new QuestionLogOptions { UserIdKey = key }), NullLogger<UserIdHasher>.Instance);
}
