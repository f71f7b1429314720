using ChatBot.Discord.Configuration;
using ChatBot.Discord;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Tests;

public sealed class RateLimitBucketTests
{
    private static readonly DiscordRoute Route = DiscordRoute.CreateMessage("1110000000000000002");
    private static readonly DiscordRoute EditOriginal = DiscordRoute.EditOriginal("1200000000000000001", "token");

    [Fact]
    public async Task Empty_bucket_holds_the_next_request_until_reset_after_has_passed()
    {
        var time = new FakeTimeProvider();
        var limiter = Limiter(time);
        var bucket = limiter.BucketFor(Route);
        bucket.Update(remaining: 0, resetAfterSeconds: 0.5, time);

        var turn = limiter.WaitTurnAsync(Route, bucket, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.False(turn.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(150));
        await turn.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Global_pause_holds_bot_requests_but_not_interaction_callbacks()
    {
        // The bot's global limit (a 429 from Discord with its headers): interaction routes are outside it.
        var time = new FakeTimeProvider();
        var limiter = Limiter(time);
        limiter.PauseGlobal(TimeSpan.FromSeconds(2));

        var bot = limiter.WaitTurnAsync(Route, limiter.BucketFor(Route), CancellationToken.None);
        var callback = limiter.WaitTurnAsync(DiscordRoute.InteractionCallback("1", "token"), null, CancellationToken.None);
        var edit = limiter.WaitTurnAsync(EditOriginal, limiter.BucketFor(EditOriginal), CancellationToken.None);
        await callback.WaitAsync(TimeSpan.FromSeconds(5));
        await edit.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(bot.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2.1));
        await bot.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_Cloudflare_pause_holds_interaction_callbacks_and_webhook_edits_too()
    {
        var time = new FakeTimeProvider();
        var limiter = Limiter(time);
        limiter.PauseAll(TimeSpan.FromSeconds(2));

        var followUp = DiscordRoute.FollowUp("1200000000000000001", "token");
        var turns = new[]
        {
            limiter.WaitTurnAsync(Route, limiter.BucketFor(Route), CancellationToken.None),
            limiter.WaitTurnAsync(DiscordRoute.InteractionCallback("1", "token"), null, CancellationToken.None),
            limiter.WaitTurnAsync(EditOriginal, limiter.BucketFor(EditOriginal), CancellationToken.None),
            limiter.WaitTurnAsync(followUp, limiter.BucketFor(followUp), CancellationToken.None),
        };
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.All(turns, turn => Assert.False(turn.IsCompleted));
        time.Advance(TimeSpan.FromSeconds(0.2));
        await Task.WhenAll(turns).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Routes_share_a_bucket_once_discord_names_its_hash_but_majors_stay_apart()
    {
        var time = new FakeTimeProvider();
        var limiter = Limiter(time);
        var first = limiter.BucketFor(Route);
        limiter.Observe(Route, first, new RateLimitHeaders(5, 0, 10, "abcd1234", false, "user", null));

        Assert.True(limiter.BucketFor(Route).DelayNeeded(time) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, limiter.BucketFor(DiscordRoute.CreateMessage("1110000000000000099")).DelayNeeded(time));
    }

    [Fact]
    public void Buckets_of_answered_interactions_are_forgotten_once_idle_but_a_waiting_one_is_kept()
    {
        var time = new FakeTimeProvider();
        var limiter = Limiter(time);
        for (var i = 0; i < 200; i++)
        {
            limiter.BucketFor(DiscordRoute.FollowUp("1200000000000000001", "interaction-token-" + i)).Consume(time);
        }

        var limited = limiter.BucketFor(Route);
        limited.Update(remaining: 0, resetAfterSeconds: 3600, time);
        Assert.Equal(201, limiter.BucketCount);

        time.Advance(TimeSpan.FromMinutes(11));
        limiter.BucketFor(DiscordRoute.CreateMessage("1110000000000000003"));

        Assert.Equal(2, limiter.BucketCount);
        Assert.Same(limited, limiter.BucketFor(Route));
    }

    private static RateLimiter Limiter(TimeProvider time) =>
        new(time, Options.Create(new DiscordOptions()), NullLogger<RateLimiter>.Instance);
}
