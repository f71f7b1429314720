using System.Globalization;
using System.Text.Json;
using ChatBot.Core.Answering;
using ChatBot.Discord.Gateway;
using ChatBot.Host;
using ChatBot.Integration.Tests.Cli;
using ChatBot.Storage.Coordination;
using ChatBot.Testing.Discord;
using ChatBot.Integration.Tests.QuestionLog;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ChatBot.Integration.Tests.Coordination;

/// <summary>
/// Two bot processes — two production hosts sharing nothing but one PostgreSQL server and one knowledge
/// folder — serve one Discord application and one Slack app. Instance A runs shards 0 and 1, instance B
/// shard 1 as well (a shard being handed over), so shard 1's events reach both; Slack spreads events over
/// both instances' sockets and re-sends those whose ack was lost. Every event is answered exactly once,
/// identifies keep Discord's spacing across the two processes, and moderators hear of a reload once per platform.
/// The identify turns run on a clock of the test's (the rest on the real one), so the spacing is checked by
/// stepping it rather than by waiting five seconds.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const string DiscordModerators = "1700000000000000077";
    private const string SlackModerators = "C0MODS0001";
    private readonly string _schema = "test_" + Guid.NewGuid().ToString("N");
    private readonly string _knowledge = Path.Combine(Path.GetTempPath(), "chatbot-two-instances-" + Guid.NewGuid().ToString("N"));
    private readonly List<IHost> _hosts = [];
    private readonly List<IAsyncDisposable> _fakes = [];

    /// <summary>The clock the identify turns run on (<see cref="IdentifyThrottle"/>), in every instance; the rest run on the real one.</summary>
    private readonly FakeTimeProvider _turns = new();
    private string? _database;
    private string? _applicationId;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // A turn not yet over holds its key's lock on a PostgreSQL session that would outlive the hosts: end them all first.
        if (_database is not null && _applicationId is not null)
        {
            _turns.Advance(IdentifyThrottle.Spacing);
            await Eventually.TrueAsync(async () => await IdentifyLockSessionsAsync(granted: true) == 0, "every identify turn over");
        }

        foreach (var host in _hosts)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await host.StopAsync(timeout.Token);
            host.Dispose();
        }

        // The fakes after the bots: a fake stopping under live sockets waits for them.
        foreach (var fake in _fakes)
        {
            await fake.DisposeAsync();
        }

        await PostgresTestServer.DropSchemaAsync(_schema);
        if (Directory.Exists(_knowledge))
        {
            Directory.Delete(_knowledge, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Every_event_is_answered_exactly_once_and_each_reload_reported_once()
    {
        var database = await PostgresTestServer.CreateSchemaAsync(_schema);
        KnowledgeCopy.To(_knowledge);
        var discord = await StartDiscordAsync(database);
        discord.MaxConcurrency = 2;
        discord.Gateway.SessionsShareShards = true;
        var slack = await FakeSlackServer.StartAsync();
        _fakes.Add(slack);
        var reportsSeen = new[] { new RecordingNotifier(), new RecordingNotifier() };

        await StartAsync(discord, slack, database, [0, 1], reportsSeen[0]);
        await StartAsync(discord, slack, database, [1], reportsSeen[1]);
        await Eventually.TrueAsync(
            () =>
            {
                _turns.Advance(IdentifyThrottle.Spacing); // shard 1's second session waits for its key's turn
                return discord.Gateway.ReadyShards.Count == 3 && slack.LiveSockets.Count == 2;
            },
            "three Discord sessions and two Slack sockets",
            TimeSpan.FromSeconds(30));

        var guilds = new[] { GuildOnShard(0), GuildOnShard(1) };
        var messages = new List<string>();
        var interactions = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var mention = DiscordEvents.Mention("does magnesium l-threonate help sleep?");
            mention["guild_id"] = guilds[i % 2];
            messages.Add((string)mention["id"]!);
            await discord.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

            var ask = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "what are the side effects?")]);
            ask["guild_id"] = guilds[i % 2];
            interactions.Add((string)ask["id"]!);
            await discord.Gateway.DispatchAsync("INTERACTION_CREATE", ask);
        }

        var threads = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var ts = SlackFrames.Ts(500 + i);
            threads.Add(ts);
            var envelope = SlackFrames.Mention("what is magnesium l-threonate?", ts);
            if (i % 2 == 0)
            {
                slack.DropAcks((string)envelope["envelope_id"]!, 1); // Slack re-sends it, round robin: to the other instance
            }

            await slack.SendEnvelopeAsync(envelope);
        }

        await Eventually.TrueAsync(() => messages.All(id => discord.RepliesTo(id).Count > 0), "a reply to every Discord message");
        await Eventually.TrueAsync(() => interactions.All(id => Callbacks(discord, id) > 0), "a response to every /ask");
        await Eventually.TrueAsync(() => threads.All(ts => SlackReplies(slack, ts) > 0), "a reply to every Slack mention");
        await Eventually.TrueAsync(() => slack.AckLog.Count >= 12, "Slack's re-sends acked");
        await discord.WaitForIdleAsync(); // a duplicate would show before both fakes go idle
        await slack.WaitForIdleAsync();

        Assert.All(messages, id => Assert.Equal(1, ReplyPosts(discord, id))); // sent once, not merely deduplicated by its nonce
        Assert.All(interactions, id => Assert.Equal(1, Callbacks(discord, id)));
        Assert.All(threads, ts => Assert.Equal(1, SlackReplies(slack, ts)));
        Assert.True(slack.AckLog.Count >= 12, "the lost acks were re-sent and acked");

        var broken = KnowledgeCopy.Break(_knowledge);
        await Eventually.TrueAsync(() => reportsSeen.All(r => r.Rejected > 0), "both instances refusing the broken edit");
        Assert.Single(ModeratorPosts(discord));
        Assert.Single(SlackModeratorPosts(slack));

        File.WriteAllText(broken, File.ReadAllText(broken)
            .Replace("caveatz:", "caveats:", StringComparison.Ordinal)
            .Replace("It does not say how common or", "The article does not say how common or", StringComparison.Ordinal));
        // Two instances each gate the edit (moderator tests and all) on a machine shared with the rest of the suite;
        // the bound only keeps a hung gate from hanging the run, it is not a speed target.
        await Eventually.TrueAsync(() => reportsSeen.All(r => r.Applied > 0), "both instances serving the fixed edit", TimeSpan.FromSeconds(180));
        Assert.Equal(2, ModeratorPosts(discord).Count);
        Assert.Equal(2, SlackModeratorPosts(slack).Count);
    }

    [SkippableFact]
    public async Task Identifies_of_one_rate_limit_key_go_five_seconds_apart_across_instances()
    {
        var database = await PostgresTestServer.CreateSchemaAsync(_schema);
        KnowledgeCopy.To(_knowledge);
        var discord = await StartDiscordAsync(database);

        await StartAsync(discord, slack: null, database, [0, 1]);
        await StartAsync(discord, slack: null, database, [1]);

        // Shard 0 and one session of shard 1 identify at once (two rate-limit keys); the other session of shard 1
        // waits in PostgreSQL for its key, held by the other instance until its turn is over.
        await Eventually.TrueAsync(async () => discord.Gateway.Identifies > 2 || (discord.Gateway.Identifies == 2 && await IdentifyLockSessionsAsync(granted: false) > 0), "two identifies, and shard 1's second session waiting for its turn");
        await discord.WaitForIdleAsync();
        Assert.Equal(2, discord.Gateway.Identifies);

        _turns.Advance(IdentifyThrottle.Spacing - TimeSpan.FromTicks(1));
        await discord.WaitForIdleAsync();
        Assert.Equal(2, discord.Gateway.Identifies);

        _turns.Advance(TimeSpan.FromTicks(1));
        await Eventually.TrueAsync(() => discord.Gateway.ReadyShards.Count == 3, "the third session, one spacing after the first of its key");
        Assert.Equal(3, discord.Gateway.Identifies);
        var byKey = discord.Gateway.Received.Where(f => f.Op == 2).GroupBy(f => f.Data.GetProperty("shard")[0].GetInt32() % discord.MaxConcurrency);
        Assert.Equal(new[] { 1, 2 }, byKey.Select(g => g.Count()).Order());
    }

    private async Task<FakeDiscord> StartDiscordAsync(string database)
    {
        var discord = await FakeDiscord.StartAsync();
        _fakes.Add(discord);
        discord.MaxConcurrency = 2;
        discord.Gateway.SessionsShareShards = true;
        (_database, _applicationId) = (database, discord.ApplicationId);
        return discord;
    }

    /// <summary>PostgreSQL sessions, of any instance, holding (or waiting for) an identify lock of the fake application.</summary>
    private async Task<long> IdentifyLockSessionsAsync(bool granted)
    {
        var keys = Enumerable.Range(0, 2).Select(key => PostgresInstanceCoordination.LockId($"discord:identify:{_applicationId}:{key}")).ToArray();
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted = @granted AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = ANY(@keys)", connection);
        command.Parameters.AddWithValue("granted", granted);
        command.Parameters.AddWithValue("keys", keys);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task StartAsync(FakeDiscord discord, FakeSlackServer? slack, string database, int[] shards, RecordingNotifier? notifier = null)
    {
        var settings = slack?.BotSettings() ?? [];
        settings["Slack:ChannelPostInterval"] = "00:00:00";
        settings["FairUse:Enabled"] = "false";
        settings["Slack:ModeratorChannelId"] = SlackModerators;
        settings["Knowledge:Path"] = _knowledge;
        settings["Retrieval:Mode"] = "Lexical";
        settings["Console:Enabled"] = "false";
        settings["QuestionLog:Provider"] = "Postgres";
        settings["QuestionLog:ConnectionString"] = database;
        settings["Coordination:Mode"] = "Postgres"; // its connection string: the question log's
        settings["Discord:Token"] = discord.Token;
        settings["Discord:ApiBaseUrl"] = discord.ApiBaseUrl;
        settings["Discord:Workers"] = "2";
        settings["Discord:ShardCount"] = "2";
        settings["Discord:ModeratorChannelId"] = DiscordModerators;
        for (var i = 0; i < shards.Length; i++)
        {
            settings[$"Discord:ShardIds:{i}"] = shards[i].ToString(CultureInfo.InvariantCulture);
        }

        var builder = ChatBotHostBuilder.Create([], settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<IdentifyThrottle>(sp, _turns));
        if (notifier is not null)
        {
            builder.Services.AddSingleton<IReloadNotifier>(notifier); // told last, after the adapters' notifiers
        }

        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
    }

    /// <summary>Snowflakes carry their time in the top bits; Discord picks the shard from them.</summary>
    private static string GuildOnShard(int shard) => ((1000L + shard) << 22).ToString(CultureInfo.InvariantCulture);

    private static int ReplyPosts(FakeDiscord discord, string messageId) =>
        discord.Requests.Count(r => FakeDiscord.IsMessageCreate(r) && r.Body.Contains($"\"message_id\":\"{messageId}\"", StringComparison.Ordinal));

    private static int Callbacks(FakeDiscord discord, string interactionId) =>
        discord.Requests.Count(r => r.Method == "POST" && r.Path.StartsWith($"/interactions/{interactionId}/", StringComparison.Ordinal));

    private static int SlackReplies(FakeSlackServer slack, string ts) =>
        slack.Delivered("chat.postMessage").Count(c => c.Body["thread_ts"]?.ToString() == ts);

    private static List<JsonElement> ModeratorPosts(FakeDiscord discord) =>
        discord.Messages.Where(m => m.ChannelId == DiscordModerators).Select(m => JsonSerializer.SerializeToElement(m.Body)).ToList();

    private static List<RecordedCall> SlackModeratorPosts(FakeSlackServer slack) =>
        slack.Delivered("chat.postMessage").Where(c => c.Body["channel"]?.ToString() == SlackModerators).ToList();

    private sealed class RecordingNotifier : IReloadNotifier
    {
        private int _applied;
        private int _rejected;

        public int Applied => Volatile.Read(ref _applied);

        public int Rejected => Volatile.Read(ref _rejected);

        public Task NotifyAsync(ReloadReport report, CancellationToken cancellationToken)
        {
            if (report.Changed)
            {
                Interlocked.Increment(ref _applied);
            }
            else if (!report.Applied)
            {
                Interlocked.Increment(ref _rejected);
            }

            return Task.CompletedTask;
        }
    }
}
