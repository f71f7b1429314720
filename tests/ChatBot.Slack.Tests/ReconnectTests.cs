using ChatBot.Core.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Slack.Tests;

public sealed class ReconnectTests
{
    private static async Task<IReadOnlyList<string>> StreamAsync(FakeSlackServer fake, int count, Func<int, Task>? midway = null)
    {
        var ts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            if (i == count / 3 && midway is not null)
            {
                await midway(i);
            }

            ts.Add(SlackFrames.Ts(100 + i));
            await fake.SendEnvelopeAsync(SlackFrames.Mention("question " + i, ts[^1]));
            await Task.Delay(5);
        }

        return ts;
    }

    /// <summary>Steps the bot's clock a second at a time until <paramref name="condition"/> holds.</summary>
    private static Task StepUntilAsync(FakeTimeProvider clock, Func<bool> condition, string what) =>
        Eventually.TrueAsync(
            () =>
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                return condition();
            },
            what);

    private static void AssertEachAnsweredOnce(FakeSlackServer fake, IReadOnlyList<string> ts)
    {
        var replies = fake.Delivered("chat.postMessage").Select(c => c.Str("thread_ts")).ToList();
        Assert.Equal(ts.Order(), replies.Order());
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task Refresh_during_a_stream_every_event_answered_exactly_once(string reason)
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.AckTimeout = TimeSpan.FromSeconds(1);
        await using var bot = await SlackTestHost.StartAsync(fake);

        var ts = await StreamAsync(fake, 60, _ => fake.DisconnectAsync(fake.LiveSockets[0], reason, TimeSpan.FromMilliseconds(300)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Count() >= ts.Count, "all replies");
        await fake.WaitForIdleAsync();

        AssertEachAnsweredOnce(fake, ts);
        Assert.Equal(2, fake.ConnectionsOpened);
        Assert.Equal(2, fake.Calls.Count(c => c.Method == "apps.connections.open"));
    }

    [Fact]
    public async Task Refresh_with_ten_sockets_never_opens_an_eleventh()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        // Right after start-up: Slack counts all ten sockets from the moment it accepts them, but has greeted only the first.
        fake.HoldHellosAfter(1);
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:Connections"] = "10");
        var status = bot.Host.Services.GetRequiredService<ConnectionStatus>();
        await Eventually.TrueAsync(() => status.Down().Count == 9, "the first socket up, nine waiting for their hello");

        await fake.DisconnectAsync(fake.LiveSockets.Single(s => s.Id == 1), "refresh_requested", TimeSpan.FromMilliseconds(300));
        await Eventually.TrueAsync(() => fake.ConnectionsOpened == 11, "the replacement");
        fake.ReleaseHellos();
        await Eventually.TrueAsync(() => status.Down().Count == 0 && fake.LiveSockets.Count == 10, "the bot's ten sockets up");
        await fake.SendEnvelopeAsync(SlackFrames.Mention("still answering?", SlackFrames.Ts(8)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "reply");

        Assert.Equal(10, fake.MostLiveSockets);
    }

    [Fact]
    public async Task Dropped_socket_reconnects_and_keeps_answering()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await fake.LiveSockets[0].CloseAsync();
        await Eventually.TrueAsync(() => fake.ConnectionsOpened == 2 && fake.LiveSockets.Count == 1, "reconnect");
        await fake.SendEnvelopeAsync(SlackFrames.Mention("after reconnect", SlackFrames.Ts(7)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "reply");
    }

    [Fact]
    public async Task Connections_open_failing_retries_until_it_connects()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.Script("apps.connections.open", ScriptedResponse.Error("fatal_error"), ScriptedResponse.ServerError(), ScriptedResponse.Error("internal_error"));
        await using var bot = await SlackTestHost.StartAsync(fake);

        Assert.Equal(1, fake.ConnectionsOpened);
        Assert.True(fake.Calls.Count(c => c.Method == "apps.connections.open") >= 4);
    }

    [Fact]
    public async Task Quiet_socket_that_answers_pings_is_kept()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var proxy = new FreezingProxy(fake.BaseUri);
        fake.SocketAuthority = proxy.Authority;
        await using var bot = await SlackTestHost.StartAsync(fake, s =>
        {
            s["Slack:KeepAliveInterval"] = "00:00:00.200";
            s["Slack:KeepAliveTimeout"] = "00:00:03";
        });

        // A quiet workspace, no envelopes: twenty ping rounds answered, about four seconds, past the 3.2 s after which
        // a silent socket is given up (the window leaves room for a test machine running every project at once to
        // answer a pong late: a 1 s window was once missed under full load).
        await Eventually.TrueAsync(() => proxy.PongsRelayed >= 20, "twenty pongs");

        Assert.Equal(1, fake.ConnectionsOpened);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        await fake.SendEnvelopeAsync(SlackFrames.Mention("still there?", SlackFrames.Ts(6)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "reply");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_socket_whose_peer_falls_silent_is_replaced_whether_or_not_an_envelope_came_after_hello(bool envelopeFirst)
    {
        // Liveness runs on the bot's clock: the default 20 s of quiet before a ping and 20 s more for the pong pass in steps.
        var clock = new FakeTimeProvider();
        await using var fake = await FakeSlackServer.StartAsync();
        await using var proxy = new FreezingProxy(fake.BaseUri);
        fake.SocketAuthority = proxy.Authority;
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:HelloTimeout"] = "00:10:00", time: clock);
        var status = bot.Host.Services.GetRequiredService<ConnectionStatus>();
        await Eventually.TrueAsync(() => status.Down().Count == 0, "the socket's hello");
        if (envelopeFirst)
        {
            await fake.SendEnvelopeAsync(SlackFrames.Mention("before the silence", SlackFrames.Ts(6)));
            await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "the reply before the silence");
        }

        // From now on nothing passes either way (no frame, no pong), and the fake, unable to tell, sends nothing more on it.
        var frozen = fake.LiveSockets;
        proxy.FreezeAll();
        foreach (var socket in frozen)
        {
            socket.Draining = true;
        }

        await StepUntilAsync(clock, () => fake.LiveSockets.Any(s => !s.Draining), "a new socket after the silence");
        await fake.SendEnvelopeAsync(SlackFrames.Mention("still there?", SlackFrames.Ts(7)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(c => c.Str("thread_ts") == SlackFrames.Ts(7)), "the reply on the new socket");
        Assert.Contains(bot.Logs.Lines, l => l.Message.Contains("nothing heard for 40 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_socket_whose_upgrade_is_never_answered_is_given_up_after_the_hello_timeout()
    {
        var clock = new FakeTimeProvider();
        await using var fake = await FakeSlackServer.StartAsync();
        await using var proxy = new FreezingProxy(fake.BaseUri);
        fake.SocketAuthority = proxy.Authority;
        proxy.HoldNext(1);
        await using var bot = await SlackTestHost.StartAsync(fake, waitForSocket: false, time: clock);
        await Eventually.TrueAsync(() => proxy.Held == 1, "the first upgrade request, held unanswered");

        await StepUntilAsync(clock, () => fake.LiveSockets.Count == 1, "a socket after giving up the first");
        await fake.SendEnvelopeAsync(SlackFrames.Mention("connected?", SlackFrames.Ts(8)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "reply");
        Assert.Contains(bot.Logs.Lines, l => l.Message.Contains("No hello within 10 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Junk_frames_are_ignored_and_the_socket_keeps_working()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        var socket = fake.LiveSockets[0];

        await socket.SendRawAsync([1, 2, 3], System.Net.WebSockets.WebSocketMessageType.Binary);
        await socket.SendRawAsync([], System.Net.WebSockets.WebSocketMessageType.Text);
        await socket.SendAsync("not json {");
        await socket.SendAsync("""{"type":"something_new","envelope_id":"e-unknown"}""");
        await fake.SendEnvelopeAsync(SlackFrames.Mention("still fine?", SlackFrames.Ts(5)));
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "reply");

        Assert.Equal(1, fake.ConnectionsOpened);
        Assert.Contains("e-unknown", fake.AckLog);
    }

    [Fact]
    public async Task Too_many_websockets_closes_and_backs_off_then_reconnects()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);

        await fake.DisconnectAsync(fake.LiveSockets[0], "too_many_websockets", TimeSpan.FromMilliseconds(100));
        await Eventually.TrueAsync(() => fake.ConnectionsOpened == 2 && fake.LiveSockets.Count == 1, "reconnect after back-off");
    }

    [Fact]
    public async Task Auth_test_outage_is_retried_then_connects()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.Script("auth.test", ScriptedResponse.Error("internal_error"), ScriptedResponse.ServerError());
        await using var bot = await SlackTestHost.StartAsync(fake);

        Assert.True(fake.Calls.Count(c => c.Method == "auth.test") >= 3);
    }

    [Fact]
    public async Task Unacked_envelope_is_resent_with_retry_attempt_and_answered_once()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        var envelope = SlackFrames.Mention("lost ack", SlackFrames.Ts(8));
        var id = (string)envelope["envelope_id"]!;
        fake.DropAcks(id, 2);

        await fake.SendEnvelopeAsync(envelope);
        await Eventually.TrueAsync(() => fake.Acks.ContainsKey(id), "the third ack");
        await fake.WaitForIdleAsync();

        Assert.Equal(3, fake.AckLog.Count(a => a == id));
        Assert.Single(fake.Delivered("chat.postMessage"));
    }

    [Fact]
    public async Task Same_event_on_two_connections_answered_once()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:Connections"] = "2");
        var sockets = fake.LiveSockets;
        Assert.Equal(2, sockets.Count);

        await fake.SendEnvelopeAsync(SlackFrames.Mention("twice", SlackFrames.Ts(9), eventId: "Ev0DUP0001"), sockets[0]);
        await fake.SendEnvelopeAsync(SlackFrames.Mention("twice", SlackFrames.Ts(9), eventId: "Ev0DUP0001"), sockets[1]);
        await fake.SendEnvelopeAsync(SlackFrames.Mention("sentinel", SlackFrames.Ts(10)), sockets[1]);
        await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(c => c.Str("thread_ts") == SlackFrames.Ts(10)), "sentinel");
        await fake.WaitForIdleAsync();

        Assert.Equal(2, fake.Delivered("chat.postMessage").Count());
        Assert.Equal(3, fake.Acks.Count);
    }
}
