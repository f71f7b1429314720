using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Discord.Tests;

[Collection(ProcessExitCodeCollection.Name)]
public sealed class DiscordGatewayTests
{
    [Fact]
    public async Task Connection_dropped_mid_stream_resumes_and_answers_every_event_exactly_once()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var mention = DiscordEvents.Mention("what is magnesium l-threonate?", channelId: $"11100000000000000{10 + (i % 3)}");
            ids.Add(mention["id"]!.GetValue<string>());
            await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
            if (i == 10)
            {
                test.Fake.Gateway.Drop();
            }
        }

        await Eventually.TrueAsync(() => test.Fake.Gateway.ResumedCount == 1, "RESUMED");
        await Eventually.TrueAsync(() => test.Fake.Messages.Count >= ids.Count, "all replies");
        Assert.All(ids, id => Assert.Single(test.RepliesTo(id)));
        Assert.Equal(1, test.Fake.Gateway.Identifies);
        var resume = test.Fake.Gateway.Received.Single(f => f.Op == 6);
        Assert.StartsWith("/resume?v=10&encoding=json", resume.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnect_request_op7_resumes_the_session()
    {
        await using var test = await DiscordTestHost.StartAsync();
        await test.Fake.Gateway.SendOpAsync(7);

        await Eventually.TrueAsync(() => test.Fake.Gateway.ResumedCount == 1, "RESUMED");
        Assert.Equal(1, test.Fake.Gateway.Identifies);
        await AnswersAMentionAsync(test);
    }

    [Fact]
    public async Task Invalid_session_not_resumable_starts_a_new_session_with_identify()
    {
        await using var test = await DiscordTestHost.StartAsync();
        await test.Fake.Gateway.SendOpAsync(9, JsonValue.Create(false));

        await Eventually.TrueAsync(() => test.Fake.Gateway.ReadyCount == 2, "second READY");
        Assert.Equal(2, test.Fake.Gateway.Identifies);
        Assert.Equal(0, test.Fake.Gateway.Resumes);
        await AnswersAMentionAsync(test);
    }

    [Fact]
    public async Task Server_going_away_1001_is_resumed_and_the_events_of_the_gap_are_answered()
    {
        await using var test = await DiscordTestHost.StartAsync();
        await test.Fake.Gateway.CloseAsync(1001);
        var duringGap = DiscordEvents.Mention("what is magnesium l-threonate?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", duringGap);

        await Eventually.TrueAsync(() => test.Fake.Gateway.ResumedCount == 1, "RESUMED");
        await Eventually.TrueAsync(() => test.RepliesTo((string)duringGap["id"]!).Count == 1, "the reply to the message sent during the gap");
        Assert.Equal(1, test.Fake.Gateway.Identifies);
    }

    [Fact]
    public async Task Session_ending_close_code_starts_a_new_session()
    {
        await using var test = await DiscordTestHost.StartAsync();
        await test.Fake.Gateway.CloseAsync(4009);

        await Eventually.TrueAsync(() => test.Fake.Gateway.ReadyCount == 2, "second READY");
        Assert.Equal(0, test.Fake.Gateway.Resumes);
    }

    [Fact]
    public async Task Missing_heartbeat_ack_is_a_zombie_connection_that_is_resumed()
    {
        await using var test = await DiscordTestHost.StartAsync(fake =>
        {
            fake.Gateway.HeartbeatIntervalMs = 150;
            fake.Gateway.AcknowledgeHeartbeats = false;
        });

        await Eventually.TrueAsync(() => test.Fake.Gateway.Resumes >= 1, "RESUME after zombie");
        test.Fake.Gateway.AcknowledgeHeartbeats = true;
        Assert.Equal(1, test.Fake.Gateway.Identifies);
        Assert.Contains(test.Fake.Gateway.Received, f => f.Op == 1);
    }

    [Fact]
    public async Task Close_4004_stops_the_host_with_one_clear_line()
    {
        try
        {
            await using var test = await DiscordTestHost.StartAsync(fake => fake.Gateway.CloseOnIdentify = 4004, waitForReady: false);
            var lifetime = (IHostApplicationLifetime)test.Host.Services.GetService(typeof(IHostApplicationLifetime))!;
            await Eventually.TrueAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "host stopping");

            var critical = test.Logs.Lines.Where(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Critical).ToList();
            var line = Assert.Single(critical).Message;
            Assert.Contains("4004", line, StringComparison.Ordinal);
            Assert.Contains("Discord:Token", line, StringComparison.Ordinal);
            Assert.DoesNotContain(test.Fake.Token, line, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', line);
            Assert.Equal(1, Environment.ExitCode);
            Assert.Equal(1, test.Fake.Gateway.Identifies);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task Low_session_start_budget_refuses_to_identify_and_stops_the_host()
    {
        try
        {
            await using var test = await DiscordTestHost.StartAsync(fake => fake.SessionStartsRemaining = 2, waitForReady: false);
            var lifetime = (IHostApplicationLifetime)test.Host.Services.GetService(typeof(IHostApplicationLifetime))!;
            await Eventually.TrueAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "host stopping");

            Assert.Equal(0, test.Fake.Gateway.Identifies);
            Assert.Contains(test.Logs.Lines, l => l.Message.Contains("session-start budget", StringComparison.Ordinal));
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task Configured_shards_each_identify_with_their_shard_id_and_count()
    {
        await using var test = await DiscordTestHost.StartAsync(fake => fake.MaxConcurrency = 2, settings: new Dictionary<string, string?> { ["Discord:ShardCount"] = "2" });
        await Eventually.TrueAsync(() => test.Fake.Gateway.Identifies == 2, "two IDENTIFYs");

        var shards = test.Fake.Gateway.Received.Where(f => f.Op == 2)
            .Select(f => string.Join("/", f.Data.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32())))
            .Order()
            .ToList();
        Assert.Equal(["0/2", "1/2"], shards);
    }

    [Fact]
    public async Task Discord_failing_at_start_is_retried_with_backoff_rather_than_stopping_the_host()
    {
        await using var test = await DiscordTestHost.StartAsync(
            fake => fake.FailNext(r => r.Path == "/gateway/bot", new RestFault(RestFaultKind.ServerError), times: 4),
            waitForReady: false);

        await Eventually.TrueAsync(() => test.Fake.Gateway.IsReady, "READY after retries");
        Assert.Single(test.Logs.Lines, l => l.Message.StartsWith("Discord API unreachable", StringComparison.Ordinal));
        await AnswersAMentionAsync(test);
    }

    [Fact]
    public async Task Workers_falling_behind_do_not_make_a_healthy_connection_look_like_a_zombie()
    {
        await using var test = await DiscordTestHost.StartAsync(
            fake => fake.Gateway.HeartbeatIntervalMs = 4000,
            settings: new Dictionary<string, string?> { ["Discord:Workers"] = "1", ["Discord:QueueCapacity"] = "1" },
            services: s => s.AddSingleton<ChatBot.Core.Answering.IQuestionObserver>(new SlowAnswers(TimeSpan.FromMilliseconds(250))));
        var ids = new List<string>();
        for (var i = 0; i < 48; i++)
        {
            var mention = DiscordEvents.Mention("what is magnesium l-threonate?");
            ids.Add((string)mention["id"]!);
            await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        }

        // About 12 s of answering behind a queue of one: the workers stay behind for three heartbeat intervals, each
        // long enough (4 s) that a test machine busy with other test processes does not miss an acknowledgement for
        // reasons of its own.
        await Eventually.TrueAsync(() => ids.All(id => test.RepliesTo(id).Count == 1), "every reply");
        Assert.Equal(0, test.Fake.Gateway.Resumes);
        Assert.Equal(1, test.Fake.Gateway.Identifies);
    }

    [Fact]
    public async Task An_interaction_does_not_wait_behind_a_busy_channels_messages()
    {
        await using var test = await DiscordTestHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Discord:Workers"] = "1" },
            services: s => s.AddSingleton<ChatBot.Core.Answering.IQuestionObserver>(new SlowAnswers(TimeSpan.FromMilliseconds(150))));
        // One /ask first, so the comparison below measures queueing, not the first answer's start-up cost.
        var warmUp = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "what is magnesium l-threonate?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", warmUp);
        await Eventually.TrueAsync(() => test.RequestsTo($"/interactions/{warmUp["id"]}/").Count == 1, "the warm-up interaction's response");
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var mention = DiscordEvents.Mention("what is magnesium l-threonate?");
            ids.Add((string)mention["id"]!);
            await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        }

        var ask = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "what are the side effects?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", ask);

        await Eventually.TrueAsync(() => test.RequestsTo($"/interactions/{ask["id"]}/").Count == 1, "the interaction's response");
        var answeredMessages = ids.Count(id => test.RepliesTo(id).Count > 0);
        // Queued behind them it would come after all ten; a loaded test machine (each answer here blocks a pool
        // thread for 150 ms) can let a few through first.
        Assert.True(answeredMessages < 9, $"the /ask was answered after {answeredMessages} of the 10 messages queued before it");
        await Eventually.TrueAsync(() => ids.All(id => test.RepliesTo(id).Count == 1), "every message reply");
    }

    [Fact]
    public async Task An_interaction_and_heartbeat_acknowledgements_are_read_while_the_workers_are_far_behind()
    {
        using var held = new HeldAnswers("l-threonate");
        await using var test = await DiscordTestHost.StartAsync(
            fake => fake.Gateway.HeartbeatIntervalMs = 3000,
            settings: new Dictionary<string, string?> { ["Discord:Workers"] = "1", ["Discord:QueueCapacity"] = "1" },
            services: s => s.AddSingleton<ChatBot.Core.Answering.IQuestionObserver>(held));
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var mention = DiscordEvents.Mention("what is magnesium l-threonate?");
            ids.Add((string)mention["id"]!);
            await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        }

        var ask = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "what are the side effects?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", ask);

        // The messages' answers are held, so the one worker and its queue of one stay full the whole time.
        await Eventually.TrueAsync(() => test.RequestsTo($"/interactions/{ask["id"]}/").Count == 1, "the interaction's response");
        Assert.All(ids, id => Assert.Empty(test.RepliesTo(id)));

        // Three more beats while still behind: were their ACKs left unread, the second would find the first
        // unacknowledged and take the connection for a zombie.
        var beats = test.Fake.Gateway.Received.Count(f => f.Op == 1);
        await Eventually.TrueAsync(() => test.Fake.Gateway.Received.Count(f => f.Op == 1) >= beats + 3, "three more heartbeats");
        Assert.All(ids, id => Assert.Empty(test.RepliesTo(id)));
        Assert.Equal(0, test.Fake.Gateway.Resumes);
        Assert.Equal(1, test.Fake.Gateway.Identifies);

        held.Release();
        await Eventually.TrueAsync(() => ids.All(id => test.RepliesTo(id).Count == 1), "every message reply");
        Assert.Equal(0, test.Fake.Gateway.Resumes);
    }

    [Fact]
    public async Task A_slow_interaction_does_not_hold_the_next_one_past_its_deadline()
    {
        using var held = new HeldAnswers("l-threonate");
        await using var test = await DiscordTestHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Discord:Workers"] = "1", ["Discord:DeferAfterMilliseconds"] = "0" },
            services: s => s.AddSingleton<ChatBot.Core.Answering.IQuestionObserver>(held));
        var slow = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "what is magnesium l-threonate?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", slow);
        await Eventually.TrueAsync(() => test.RequestsTo($"/interactions/{slow["id"]}/").Count == 1, "the slow interaction deferred");

        var next = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "what are the side effects?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", next);

        // The slow answer is still held: the next one is acknowledged and answered (its deferral filled in) meanwhile.
        await Eventually.TrueAsync(() => test.RequestsTo($"/interactions/{next["id"]}/").Count == 1, "the next interaction's response");
        await Eventually.TrueAsync(() => test.RequestsTo("/messages/@original", "PATCH").Count == 1, "the next interaction's answer");
        Assert.False(held.IsReleased);

        held.Release();
        await Eventually.TrueAsync(() => test.RequestsTo("/messages/@original", "PATCH").Count == 2, "the slow interaction's answer");
    }

    /// <summary>Holds every answer to a question containing <c>marker</c> until released, as a stuck engine would.</summary>
    private sealed class HeldAnswers(string marker) : ChatBot.Core.Answering.IQuestionObserver, IDisposable
    {
        private readonly ManualResetEventSlim _gate = new();

        public bool IsReleased => _gate.IsSet;

        public void Answered(ChatBot.Core.Answering.AnsweredQuestion question)
        {
            // The host's warm-up question at start is not held: only users' questions are.
            if (question.Context.Platform != "startup" && question.Question.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                _gate.Wait(TimeSpan.FromMinutes(1));
            }
        }

        public void Release() => _gate.Set();

        public void Dispose()
        {
            _gate.Set();
            _gate.Dispose();
        }
    }

    /// <summary>Makes every answer take a while, as a busy machine would.</summary>
    private sealed class SlowAnswers(TimeSpan each) : ChatBot.Core.Answering.IQuestionObserver
    {
        public void Answered(ChatBot.Core.Answering.AnsweredQuestion question) => Thread.Sleep(each);
    }

    [Fact]
    public async Task Command_registration_failing_on_the_transport_is_retried_rather_than_stopping_the_host()
    {
        await using var test = await DiscordTestHost.StartAsync(
            fake => fake.FailNext(r => r.Method == "PUT" && r.Path.Contains("/commands", StringComparison.Ordinal), new RestFault(RestFaultKind.DropAfterProcessing), times: 4),
            waitForReady: false);

        await Eventually.TrueAsync(() => test.Fake.Gateway.IsReady, "READY after the registration went through");
        Assert.False(test.Host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Single(test.Logs.Lines, l => l.Message.StartsWith("Discord API unreachable", StringComparison.Ordinal));
        await AnswersAMentionAsync(test);
    }

    [Fact]
    public async Task Resume_url_that_keeps_failing_falls_back_to_a_new_session_on_the_gateway_url()
    {
        await using var test = await DiscordTestHost.StartAsync(fake => fake.Gateway.ResumeUrl = "ws://127.0.0.1:9/unreachable");
        test.Fake.Gateway.Drop();

        await Eventually.TrueAsync(() => test.Fake.Gateway.ReadyCount == 2, "second READY");
        Assert.Equal(2, test.Fake.Gateway.Identifies);
        await AnswersAMentionAsync(test);
    }

    private static async Task AnswersAMentionAsync(DiscordTestHost test)
    {
        var mention = DiscordEvents.Mention("what is magnesium l-threonate?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        await Eventually.TrueAsync(() => test.RepliesTo(mention["id"]!.GetValue<string>()).Count == 1, "reply after reconnect");
    }
}
