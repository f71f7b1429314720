using System.Net;
using System.Net.Sockets;

namespace ChatBot.Discord.Tests;

/// <summary>The operator's endpoint against the fake Discord: health, readiness and the Prometheus scrape after a question.</summary>
public sealed class OperationsEndpointTests
{
    [Fact]
    public async Task Health_readiness_and_a_scrape_that_counts_the_question_just_answered()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var test = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Operations:Url"] = url });
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var dm = DiscordEvents.DirectMessage("what are the side effects?");

        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", dm);
        await Eventually.TrueAsync(() => test.RepliesTo(dm["id"]!.GetValue<string>()).Count == 1, "the answer");
        var live = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await http.GetStringAsync(new Uri("/readyz", UriKind.Relative));
        var scrape = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", ready, StringComparison.Ordinal);
        Assert.Contains("knowledge ", ready, StringComparison.Ordinal);
        Assert.Matches("""chatbot_questions_total\{[^}]*outcome="answer"[^}]*platform="discord"[^}]*\} [1-9]""", scrape);
        Assert.Contains("chatbot_answer_duration_milliseconds_bucket", scrape, StringComparison.Ordinal);
        Assert.DoesNotContain("side effects", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_fails_while_a_shard_is_not_connected()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var test = await DiscordTestHost.StartAsync(f => f.Gateway.SilentIdentify = true, new Dictionary<string, string?> { ["Operations:Url"] = url }, waitForReady: false);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await Eventually.TrueAsync(() => test.Fake.Gateway.Identifies > 0, "IDENTIFY");

        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("discord shard 0", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
