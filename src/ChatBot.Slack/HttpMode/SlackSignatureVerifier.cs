using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.HttpMode;

/// <summary>
/// Slack's v0 request signature: <c>v0=</c> + hex HMAC-SHA256(signing secret, <c>v0:{ts}:{raw body}</c>),
/// timestamp within 5 minutes either way, compared in constant time. Slack sends lowercase hex; anything
/// else is rejected.
/// </summary>
public sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.SigningSecret ?? "");
    private readonly TimeProvider _time = time;

    public bool IsValid(string? timestamp, string? signature, ReadOnlySpan<byte> body) =>
        _key.Length > 0 && Verify(_key, timestamp, signature, body, _time.GetUtcNow());

    public static bool Verify(byte[] key, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)Window.TotalSeconds)
        {
            return false;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"v0:{timestamp}:"));
        hmac.AppendData(body);
        var expected = Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(hmac.GetHashAndReset()));
        var actual = Encoding.ASCII.GetBytes(signature);
        return actual.Length == expected.Length && CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
