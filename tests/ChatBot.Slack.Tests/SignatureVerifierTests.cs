using System.Text;
using ChatBot.Slack.HttpMode;

namespace ChatBot.Slack.Tests;

/// <summary>Slack's published signing example (vector A) plus JSON and UTF-8 vectors, and the negative cases.</summary>
public sealed class SignatureVerifierTests
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string BodyA = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string SigA = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const long TsA = 1531420618;

    private static bool Verify(string? ts, string? sig, string body, long now) =>
        SlackSignatureVerifier.Verify(Encoding.UTF8.GetBytes(Secret), ts, sig, Encoding.UTF8.GetBytes(body), DateTimeOffset.FromUnixTimeSeconds(now));

    [Theory]
    [InlineData("1531420618", BodyA, SigA)]
    [InlineData("1531420618", """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "v0=f9bd80929259f3f6d5fe3a3186c453c89cd1ad4862815a15837584f31c993652")]
    [InlineData("1700000000", """{"text":"Mélatonine 😴"}""", "v0=0e441e6ba6564d4dcbcc0b81b7f5f5933ac4196a2ffb6ab3fe8237be6aab4e26")]
    public void Published_and_computed_vectors_verify(string ts, string body, string signature) =>
        Assert.True(Verify(ts, signature, body, long.Parse(ts, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    public void Window_boundary_accepted(long offset) => Assert.True(Verify("1531420618", SigA, BodyA, TsA + offset));

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void Outside_the_five_minute_window_rejected(long offset) => Assert.False(Verify("1531420618", SigA, BodyA, TsA + offset));

    [Fact]
    public void Tampered_body_rejected() => Assert.False(Verify("1531420618", SigA, BodyA + "------", TsA));

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v0=a2114d57")]
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_signatures_rejected(string? signature) => Assert.False(Verify("1531420618", signature, BodyA, TsA));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-number")]
    [InlineData("-1531420618")]
    public void Bad_timestamps_rejected(string? ts) => Assert.False(Verify(ts, SigA, BodyA, TsA));
}
