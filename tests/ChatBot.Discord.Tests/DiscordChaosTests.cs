using System.Text.Json.Nodes;
using ChatBot.Core.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Discord.Tests;

/// <summary>
/// A stream of mentions while the gateway and the REST API misbehave in every resumable way at once: each mention
/// is answered exactly once, and the session is only ever resumed, never identified again.
/// </summary>
public sealed class DiscordChaosTests
{
    private static readonly string[] Channels = ["1110000000000000031", "1110000000000000032", "1110000000000000033"];

    /// <summary>
    /// What the REST API does to the reply to a mention, by its place in the stream. A 429 costs its channel a second
    /// (Retry-After is whole seconds), so they are spread thin.
    /// </summary>
    private static RestFault? FaultFor(int index) => (index % 8) switch
    {
        1 => new RestFault(RestFaultKind.RateLimited, 0.1),
        3 => new RestFault(RestFaultKind.ServerError),
        5 => new RestFault(RestFaultKind.BadGatewayAfterProcessing),
        6 => new RestFault(RestFaultKind.ServerError),
        _ => null,
    };

    [Fact]
    public async Task Mentions_through_closes_reconnects_invalid_sessions_and_failing_posts_are_answered_exactly_once_by_resuming()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var gateway = test.Fake.Gateway;
        var mentions = new List<(string Id, RestFault? Fault)>();

        async Task MentionAsync()
        {
            var index = mentions.Count;
            var mention = DiscordEvents.Mention("what is magnesium l-threonate?", Channels[index % Channels.Length]);
            var id = (string)mention["id"]!;
            var fault = FaultFor(index);
            if (fault is not null)
            {
                test.Fake.FailNext(r => FakeDiscord.IsMessageCreate(r) && r.Body.Contains(id, StringComparison.Ordinal), fault);
            }

            mentions.Add((id, fault));
            await gateway.DispatchAsync("MESSAGE_CREATE", mention);
        }

        Func<Task>[] faults =
        [
            () => gateway.CloseAsync(4000),
            () => gateway.CloseAsync(1001),
            () => gateway.SendOpAsync(7),
            () => gateway.SendOpAsync(9, JsonValue.Create(true)),
        ];
        foreach (var fault in faults)
        {
            for (var i = 0; i < 4; i++)
            {
                await MentionAsync();
            }

            var resumed = gateway.ResumedCount;
            await fault();
            for (var i = 0; i < 3; i++)
            {
                await MentionAsync(); // in the gap: replayed on RESUME, or sent just before the bot lets go
            }

            await Eventually.TrueAsync(() => gateway.ResumedCount > resumed, "RESUMED after the fault");
        }

        for (var i = 0; i < 4; i++)
        {
            await MentionAsync();
        }

        var lanes = test.Host.Services.GetRequiredService<SendLanes>();
        // The default limit: retries and Retry-After waits are real time, and under a shared CI machine they stretch.
        await Eventually.TrueAsync(() => mentions.All(m => test.RepliesTo(m.Id).Count > 0) && lanes.Pending == 0, "every reply");
        await test.Fake.WaitForIdleAsync(); // a late duplicate would show before the fake goes idle
        Assert.All(mentions, m => Assert.Single(test.RepliesTo(m.Id)));
        Assert.Equal(1, gateway.Identifies);
        Assert.Equal(faults.Length, gateway.Resumes);
        var retriedAfterActing = mentions.Where(m => m.Fault?.Kind == RestFaultKind.BadGatewayAfterProcessing).ToList();
        Assert.NotEmpty(retriedAfterActing);
        Assert.All(retriedAfterActing, m =>
        {
            var posts = test.Fake.Requests.Where(r => FakeDiscord.IsMessageCreate(r) && r.Body.Contains(m.Id, StringComparison.Ordinal)).ToList();
            Assert.Equal(2, posts.Count);
            Assert.Single(posts.Select(p => p.Json.GetProperty("nonce").GetString()).Distinct());
            Assert.All(posts, p => Assert.True(p.Json.GetProperty("enforce_nonce").GetBoolean()));
        });
    }
}
