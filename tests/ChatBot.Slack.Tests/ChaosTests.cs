using System.Text.Json.Nodes;
using ChatBot.Core.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Slack.Tests;

/// <summary>
/// A stream of mentions while Socket Mode and the Web API misbehave in every way Slack does: refreshes, warnings,
/// sockets dropped without a close, 429s with Retry-After, 5xx, and events delivered again. Each is answered exactly once.
/// </summary>
public sealed class ChaosTests
{
    private static readonly string[] Channels = ["C0CHAN0001", "C0CHAN0002", "C0CHAN0003"];

    [Fact]
    public async Task Mentions_through_refreshes_dropped_sockets_rate_limits_and_redeliveries_are_answered_exactly_once()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:Connections"] = "2");
        var sent = new List<JsonObject>();

        async Task MentionsAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var envelope = SlackFrames.Mention("question " + sent.Count, SlackFrames.Ts(600 + sent.Count), channel: Channels[sent.Count % Channels.Length]);
                sent.Add(envelope);
                await fake.SendEnvelopeAsync(envelope);
            }
        }

        async Task RedeliverAsync()
        {
            // One already answered (or on its way), one just sent: neither may be answered twice.
            await fake.RedeliverAsync(sent[sent.Count / 2], 1);
            await fake.RedeliverAsync(sent[^1], 2);
        }

        Task BothSocketsLiveAsync() =>
            Eventually.TrueAsync(() => fake.LiveSockets.Count(s => !s.Draining) >= 2, "two live sockets");

        Func<Task>[] faults =
        [
            () => fake.DisconnectAsync(fake.LiveSockets.First(s => !s.Draining), "refresh_requested", TimeSpan.FromMilliseconds(300)),
            async () =>
            {
                fake.Script("chat.postMessage", ScriptedResponse.RateLimited(1), ScriptedResponse.ServerError());
                await RedeliverAsync();
            },
            () => fake.DisconnectAsync(fake.LiveSockets.First(s => !s.Draining), "warning", TimeSpan.FromMilliseconds(300)),
            () =>
            {
                fake.LiveSockets.First(s => !s.Draining).Abort();
                return Task.CompletedTask;
            },
            async () =>
            {
                fake.Script("chat.postMessage", ScriptedResponse.ServerError(), ScriptedResponse.RateLimited(1));
                await RedeliverAsync();
            },
        ];
        foreach (var fault in faults)
        {
            await MentionsAsync(5);
            await fault();
            await MentionsAsync(3);
            await BothSocketsLiveAsync();
        }

        await MentionsAsync(5);
        var lanes = bot.Host.Services.GetRequiredService<SendLanes>();
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Count() >= sent.Count && lanes.Pending == 0, "every reply");
        await fake.WaitForIdleAsync(); // a late duplicate would show before the fake goes idle

        var replies = fake.Delivered("chat.postMessage").Select(c => (c.Str("channel"), c.Str("thread_ts"))).ToList();
        var asked = sent.Select(e => ((string?)e["payload"]!["event"]!["channel"], (string?)e["payload"]!["event"]!["ts"])).ToList();
        Assert.Equal(asked.Order(), replies.Order());
        Assert.Contains(fake.Calls, c => c.Method == "chat.postMessage" && c.Status == 429);
        Assert.Contains(fake.Calls, c => c.Method == "chat.postMessage" && c.Status == 500);
        Assert.True(fake.ConnectionsOpened >= 5, $"{fake.ConnectionsOpened} sockets opened: the refreshes and the drop were not all replaced");
    }
}
