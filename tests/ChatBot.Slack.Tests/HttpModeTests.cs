using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Core.Answering;
using ChatBot.Slack.HttpMode;
using ChatBot.Slack.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Slack.Tests;

public sealed class HttpModeTests
{
    /// <param name="time">A standing clock for a test that must not depend on how fast a busy machine answers.</param>
    private static async Task<(SlackTestHost Bot, HttpClient Client)> StartAsync(FakeSlackServer fake, TimeProvider? time = null)
    {
        var bot = await SlackTestHost.StartAsync(fake, s =>
        {
            s["Slack:Mode"] = "http";
            s["Slack:AppToken"] = null;
            s["Slack:SigningSecret"] = SignatureVerifierTests.Secret;
            s["Slack:HttpListenUrl"] = "http://127.0.0.1:0";
        }, waitForSocket: false, time: time);
        var address = bot.Host.Services.GetRequiredService<SlackHttpEndpoint>().Addresses[0];
        return (bot, new HttpClient { BaseAddress = address });
    }

    private static HttpRequestMessage Signed(string path, string body, string contentType, string? secret = SignatureVerifierTests.Secret, long? ts = null)
    {
        var timestamp = (ts ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? "wrong"), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return request;
    }

    [Fact]
    public async Task Url_verification_signed_request_returns_the_challenge()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (bot, client) = await StartAsync(fake);
        await using var _ = bot;
        using var __ = client;

        using var response = await client.SendAsync(Signed("/slack/events", """{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_or_stale_signature_rejected_401_nothing_dispatched()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (bot, client) = await StartAsync(fake);
        await using var _ = bot;
        using var __ = client;
        var mention = SlackFrames.Mention("hi", SlackFrames.Ts(1))["payload"]!.ToJsonString();

        using var wrongSecret = await client.SendAsync(Signed("/slack/events", mention, "application/json", secret: "not-the-secret"));
        using var stale = await client.SendAsync(Signed("/slack/events", mention, "application/json", ts: DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 301));
        using var slackExample = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent("token=xyzz0WbapA4vBCDEFasx0q6G&text=", Encoding.UTF8, "application/x-www-form-urlencoded") };
        slackExample.Headers.Add("X-Slack-Request-Timestamp", "1531420618");
        slackExample.Headers.Add("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
        using var replayed = await client.SendAsync(slackExample);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        var sentinel = SlackFrames.Mention("does magnesium help sleep?", SlackFrames.Ts(3))["payload"]!.ToJsonString();
        using var accepted = await client.SendAsync(Signed("/slack/events", sentinel, "application/json"));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "the signed sentinel's reply");
        await fake.WaitForIdleAsync();
        Assert.Equal(1, bot.Engine.Asked);
        Assert.Equal(SlackFrames.Ts(3), Assert.Single(fake.Calls, c => c.Method == "chat.postMessage").Str("thread_ts"));
    }

    [Fact]
    public async Task Event_and_its_retry_answered_once()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (bot, client) = await StartAsync(fake);
        await using var _ = bot;
        using var __ = client;
        var mention = SlackFrames.Mention("does magnesium help sleep?", SlackFrames.Ts(2))["payload"]!.ToJsonString();

        using var first = await client.SendAsync(Signed("/slack/events", mention, "application/json"));
        var retry = Signed("/slack/events", mention, "application/json");
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        using var second = await client.SendAsync(retry);
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "reply");
        await fake.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(SlackFrames.Ts(2), Assert.Single(fake.Delivered("chat.postMessage")).Str("thread_ts"));
    }

    [Fact]
    public async Task Ssl_check_unsigned_as_Slack_sends_it_gets_200_and_nothing_is_asked()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (bot, client) = await StartAsync(fake);
        await using var _ = bot;
        using var __ = client;

        using var response = await client.PostAsync("/slack/commands", new StringContent("ssl_check=1&token=xyzz0WbapA4vBCDEFasx0q6G", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, bot.Engine.Asked);
    }

    [Fact]
    public async Task Another_slash_command_pointed_here_is_not_answered_as_a_question()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (bot, client) = await StartAsync(fake);
        await using var _ = bot;
        using var __ = client;
        var form = $"command=%2Fremind&text=me+to+take+magnesium&user_id=U0USER0001&channel_id=C0CHAN0002&response_url={Uri.EscapeDataString(new Uri(fake.BaseUri, "hooks/commands/9").ToString())}";

        using var response = await client.SendAsync(Signed("/slack/commands", form, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, bot.Engine.Asked);
        Assert.Contains(bot.Logs.Lines, l => l.Message.Contains("/remind", StringComparison.Ordinal) && l.Message.Contains("Slack:SlashCommand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slash_command_answered_in_the_response_body()
    {
        // The clock stands still, so the acknowledgement budget never runs out however busy the machine is.
        await using var fake = await FakeSlackServer.StartAsync();
        var (bot, client) = await StartAsync(fake, time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        await using var _ = bot;
        using var __ = client;
        var form = $"command=%2Fsleepfaq&text=does+magnesium+help&user_id=U0USER0001&channel_id=C0CHAN0002&response_url={Uri.EscapeDataString(new Uri(fake.BaseUri, "hooks/commands/9").ToString())}";

        using var response = await client.SendAsync(Signed("/slack/commands", form, "application/x-www-form-urlencoded"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string)body["response_type"]!);
        bot.AssertCarriesCaveatAndDoctorAdvice((string)body["text"]!);
    }

    [Fact]
    public async Task Admin_command_via_commands_endpoint_non_moderator_refused_ephemerally()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (bot, client) = await StartAsync(fake);
        await using var _ = bot;
        using var __ = client;
        var form = $"command=%2Fsleepfaq&text=admin+reload&user_id=U0USER0001&channel_id=C0CHAN0002&response_url={Uri.EscapeDataString(new Uri(fake.BaseUri, "hooks/commands/10").ToString())}";

        using var response = await client.SendAsync(Signed("/slack/commands", form, "application/x-www-form-urlencoded"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string)body["response_type"]!);
        Assert.Contains(SlackText.Escape(bot.Engine.Notice(NoticeKind.Refusal).Message), (string)body["text"]!);
        bot.AssertCarriesCaveatAndDoctorAdvice((string)body["text"]!);
    }

    [Fact]
    public async Task Feedback_button_via_interactivity_endpoint_is_recorded()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (bot, client) = await StartAsync(fake);
        await using var _ = bot;
        using var __ = client;
        var payload = SlackFrames.BlockAction(ChatBot.Slack.Rendering.ActionIds.FeedbackDown, "0123456789abcdef|magnesium-sleep", new Uri(fake.BaseUri, "hooks/actions/4"), "1.1")["payload"]!.ToJsonString();

        using var response = await client.SendAsync(Signed("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload), "application/x-www-form-urlencoded"));
        await Eventually.TrueAsync(() => fake.Delivered("response_url").Any(), "thanks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Assert.Single(bot.Feedback.Records).Helpful);
    }
}
