using System.Diagnostics.Metrics;
using ChatBot.Core.Coordination;
using ChatBot.Core.Delivery;
using ChatBot.Core.Operations;
using ChatBot.Integration.Tests.QuestionLog;
using ChatBot.Storage.Coordination;
using Microsoft.Extensions.Logging;

namespace ChatBot.Integration.Tests.Coordination;

/// <summary>
/// Two <see cref="PostgresInstanceCoordination"/> objects on one server stand for two bot processes: they
/// share nothing but the database. Needs a server (see <see cref="PostgresTestServer"/>), except the test
/// of an unreachable one.
/// </summary>
public sealed class PostgresCoordinationTests : IAsyncLifetime
{
    private readonly string _schema = "test_" + Guid.NewGuid().ToString("N");
    private readonly List<PostgresInstanceCoordination> _instances = [];
    private readonly ChatBotMetrics _metrics = new(new SendLanes());
    private readonly CapturingLoggerProvider _logs = new();
    private string _connectionString = "";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        _metrics.Dispose();
        await PostgresTestServer.DropSchemaAsync(_schema);
    }

    [SkippableFact]
    public async Task Each_key_is_granted_to_one_instance_when_two_race_for_the_same_events()
    {
        var (a, b) = await TwoInstancesAsync();
        var keys = Enumerable.Range(0, 60).Select(i => $"slack:ev:E{i}").ToArray();

        var attempts = keys.SelectMany(key => new[] { (a, key), (b, key), (a, key) })
            .Select(attempt => Task.Run(async () => (attempt.key, won: await attempt.Item1.ClaimAsync([attempt.key], TimeSpan.FromMinutes(15), CancellationToken.None))));
        var results = await Task.WhenAll(attempts);

        Assert.DoesNotContain(_logs.Lines, l => l.Level >= LogLevel.Warning);
        Assert.All(results.GroupBy(r => r.key), group => Assert.Equal(1, group.Count(r => r.won)));
    }

    [SkippableFact]
    public async Task Work_known_by_several_keys_is_a_repeat_on_another_instance_when_any_key_was_claimed()
    {
        var (a, b) = await TwoInstancesAsync();

        Assert.True(await a.ClaimAsync(["slack:ev:E1", "slack:msg:C1:100.1"], TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.False(await b.ClaimAsync(["slack:ev:E2", "slack:msg:C1:100.1"], TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.False(await b.ClaimAsync(["slack:ev:E1"], TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.True(await b.ClaimAsync(["slack:ev:E3", "slack:msg:C1:100.2"], TimeSpan.FromMinutes(15), CancellationToken.None));
    }

    [SkippableFact]
    public async Task An_expired_claim_can_be_taken_again()
    {
        var (a, b) = await TwoInstancesAsync();

        Assert.True(await a.ClaimAsync(["discord:reload:C9:abc"], TimeSpan.FromMilliseconds(50), CancellationToken.None));
        // Claims expire on the server's clock: ask again until the 50 ms are over there.
        await Eventually.TrueAsync(() => b.ClaimAsync(["discord:reload:C9:abc"], TimeSpan.FromMinutes(30), CancellationToken.None).AsTask(), "the expired claim taken by the other instance");
        Assert.False(await a.ClaimAsync(["discord:reload:C9:abc"], TimeSpan.FromMinutes(30), CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_released_claim_can_be_taken_by_another_instance_at_once()
    {
        var (a, b) = await TwoInstancesAsync();
        Assert.True(await a.ClaimAsync(["slack:ev:E1", "slack:msg:C1:100.1"], TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.True(await a.ClaimAsync(["slack:ev:E2"], TimeSpan.FromMinutes(15), CancellationToken.None));

        await a.ReleaseAsync(["slack:ev:E1", "slack:msg:C1:100.1"], CancellationToken.None);

        Assert.True(await b.ClaimAsync(["slack:ev:E1", "slack:msg:C1:100.1"], TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.False(await a.ClaimAsync(["slack:ev:E1"], TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.False(await b.ClaimAsync(["slack:ev:E2"], TimeSpan.FromMinutes(15), CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_lock_is_held_by_one_instance_at_a_time()
    {
        var (a, b) = await TwoInstancesAsync();
        var inside = 0;
        var most = 0;

        async Task WorkAsync(IInstanceCoordination instance)
        {
            for (var i = 0; i < 5; i++)
            {
                await using var held = await instance.AcquireAsync("discord:identify:app:0", CancellationToken.None);
                most = Math.Max(most, Interlocked.Increment(ref inside));
                await Task.Delay(20);
                Interlocked.Decrement(ref inside);
            }
        }

        await Task.WhenAll(WorkAsync(a), WorkAsync(b), WorkAsync(a), WorkAsync(b));

        Assert.Equal(1, most);
        await using var other = await b.AcquireAsync("discord:identify:app:1", CancellationToken.None);
        await using (await a.AcquireAsync("discord:identify:app:0", CancellationToken.None))
        {
            // A different key is a different lock: both are held at once.
        }
    }

    [SkippableFact]
    public async Task A_lost_session_releases_its_lock()
    {
        var (a, b) = await TwoInstancesAsync();
        var held = await a.AcquireAsync("slack:something", CancellationToken.None);

        var waiting = b.AcquireAsync("slack:something", CancellationToken.None).AsTask();
        await Eventually.TrueAsync(async () => await PostgresTestServer.SessionsWaitingForAsync(PostgresInstanceCoordination.LockId("slack:something")) == 1, "the other instance waiting for the lock");
        Assert.False(waiting.IsCompleted);
        await PostgresTestServer.TerminateSessionsHoldingAsync(PostgresInstanceCoordination.LockId("slack:something")); // the process dies
        await (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
        await held.DisposeAsync();
    }

    [Fact]
    public async Task An_unreachable_server_lets_the_instance_go_on_alone_and_says_so_once()
    {
        using var listener = new MeterListener();
        var failures = 0L;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "chatbot.coordination.failures")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref failures, value));
        listener.Start();
        var logs = new CapturingLoggerProvider();
        using var metrics = new ChatBotMetrics(new SendLanes());
        await using var alone = new PostgresInstanceCoordination("Host=127.0.0.1;Port=1;Username=nobody;Password=nothing;Database=none;Timeout=2", metrics, TimeProvider.System, new LoggerFactory([logs]).CreateLogger<PostgresInstanceCoordination>());

        Assert.True(await alone.ClaimAsync(["discord:message:1"], TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.True(await alone.ClaimAsync(["discord:message:2"], TimeSpan.FromMinutes(15), CancellationToken.None));
        await using (await alone.AcquireAsync("discord:identify:app:0", CancellationToken.None))
        {
            var second = alone.AcquireAsync("discord:identify:app:0", CancellationToken.None).AsTask();
            await Task.Delay(100);
            Assert.False(second.IsCompleted); // still one at a time within the process
            _ = second.ContinueWith(t => t.Result.DisposeAsync(), TaskScheduler.Default);
        }

        // Two claims and two lock attempts; the second attempt fails on its own time, later on a loaded machine.
        await Eventually.TrueAsync(() => Interlocked.Read(ref failures) == 4, "four coordination failures counted");
        Assert.Equal(4, Interlocked.Read(ref failures));
        var warning = Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning);
        Assert.Contains("goes ahead alone", warning.Message);
        Assert.Contains("127.0.0.1:1", warning.Message);
    }

    private async Task<(PostgresInstanceCoordination A, PostgresInstanceCoordination B)> TwoInstancesAsync()
    {
        _connectionString = await PostgresTestServer.CreateSchemaAsync(_schema);
        var a = Create();
        var b = Create();
        return (a, b);
    }

    private PostgresInstanceCoordination Create()
    {
        var instance = new PostgresInstanceCoordination(_connectionString, _metrics, TimeProvider.System, new LoggerFactory([_logs]).CreateLogger<PostgresInstanceCoordination>());
        _instances.Add(instance);
        return instance;
    }
}
