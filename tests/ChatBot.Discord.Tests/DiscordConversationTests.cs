using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Tests;

/// <summary>Against the fake Discord: one person flooding a channel (fair use, nobody else waiting behind them) and follow-ups.</summary>
public sealed class DiscordConversationTests
{
    private const string Flooder = "1050000000000000077";
    private const string Neighbour = "1050000000000000078";

    private static readonly Dictionary<string, string?> FairUseOn = new() { ["FairUse:Enabled"] = "true", ["Discord:Workers"] = "1" };

    [Fact]
    public async Task A_burst_of_thirty_mentions_gets_three_answers_and_one_notice_while_others_are_answered_at_once()
    {
        // The clock stands still: whatever is answered was not held up by any wait on it (fair use, rate limits, backoff).
        var clock = new FakeTimeProvider();
        await using var test = await DiscordTestHost.StartAsync(settings: FairUseOn, services: s => s.AddSingleton<TimeProvider>(clock));
        var burst = Enumerable.Range(0, 30).Select(i => From(Flooder, DiscordEvents.Mention($"side effects? #{i}"))).ToList();
        var urgent = From(Flooder, DiscordEvents.Mention("i took the whole bottle of magtein an hour ago and my heart is skipping"));
        burst.Insert(20, urgent);
        var neighbour = From(Neighbour, DiscordEvents.Mention("does it help sleep?"));
        var dm = DiscordEvents.DirectMessage("what is magnesium l-threonate?");
        dm["author"] = DiscordEvents.User("1050000000000000079");

        foreach (var message in burst.Take(25))
        {
            await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", message);
        }

        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", neighbour);
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", dm);
        foreach (var message in burst.Skip(25))
        {
            await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", message);
        }

        await Eventually.TrueAsync(() => test.RepliesTo(Id(neighbour)).Count == 1 && test.Fake.Messages.Any(m => m.ChannelId == "1600000000000000009"), "the neighbour's and the DM's answers");
        await Eventually.TrueAsync(() => test.RepliesTo(Id(urgent)).Count == 1, "the urgent reply inside the burst");
        await test.Fake.WaitForIdleAsync();
        var flooderReplies = burst.Where(m => m != urgent).SelectMany(m => test.RepliesTo(Id(m))).ToList();
        Assert.Equal(4, flooderReplies.Count);
        Assert.Single(flooderReplies, r => Text(r).Contains("asking faster than I can answer well", StringComparison.Ordinal));
        Assert.Contains("See a doctor", Text(flooderReplies.Single(r => Text(r).Contains("asking faster", StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_waiting_on_its_rate_limit_holds_up_neither_a_dm_nor_another_channel()
    {
        // The clock stands still: whatever is answered was not held up by the channel's three-second wait.
        var clock = new FakeTimeProvider();
        await using var test = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Discord:Workers"] = "1" }, services: s => s.AddSingleton<TimeProvider>(clock));
        test.Fake.FailNext(r => FakeDiscord.IsMessageCreate(r) && r.Path.Contains(DiscordEvents.ChannelId, StringComparison.Ordinal), new RestFault(RestFaultKind.RateLimited, RetryAfter: 3, Scope: "shared"));
        var stuck = DiscordEvents.Mention("side effects?");
        var other = DiscordEvents.Mention("does it help sleep?", channelId: "1400000000000000555");
        var dm = DiscordEvents.DirectMessage("what is magnesium l-threonate?");

        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", stuck);
        await Eventually.TrueAsync(() => test.Fake.Requests.Any(FakeDiscord.IsMessageCreate), "the rate-limited post");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", other);
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", dm);

        await Eventually.TrueAsync(() => test.RepliesTo(Id(other)).Count == 1 && test.Fake.Messages.Any(m => m.ChannelId == "1600000000000000009"), "the other channel's and the DM's answers");
        await test.Fake.WaitForIdleAsync();
        Assert.Empty(test.RepliesTo(Id(stuck)));
        clock.Advance(TimeSpan.FromSeconds(3));
        await Eventually.TrueAsync(() => test.RepliesTo(Id(stuck)).Count == 1, "the rate-limited reply, after its wait");
    }

    [Fact]
    public async Task An_urgent_reply_goes_ahead_of_ordinary_ones_waiting_for_the_same_channel()
    {
        // The clock stands still until both replies wait behind the rate-limited one on the channel's lane.
        var clock = new FakeTimeProvider();
        await using var test = await DiscordTestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        var lanes = test.Host.Services.GetRequiredService<SendLanes>();
        test.Fake.FailNext(FakeDiscord.IsMessageCreate, new RestFault(RestFaultKind.RateLimited, RetryAfter: 1, Scope: "shared"));
        var stuck = DiscordEvents.Mention("side effects?");
        var ordinary = From(Neighbour, DiscordEvents.Mention("does it help sleep?"));
        var urgent = From("1050000000000000080", DiscordEvents.Mention("my husband took the whole bottle and won't wake up"));

        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", stuck);
        await Eventually.TrueAsync(() => test.Fake.Requests.Any(FakeDiscord.IsMessageCreate), "the rate-limited post");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", ordinary);
        await Eventually.TrueAsync(() => lanes.Pending == 2, "the ordinary reply waiting behind the rate-limited one");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", urgent);
        // The channel's notice is posted to the lane before the guidance's DM, so a third pending send means it waits too.
        await Eventually.TrueAsync(() => lanes.Pending >= 3, "the urgent notice waiting on the channel's lane");
        clock.Advance(TimeSpan.FromSeconds(1));
        // The urgent guidance itself goes by DM; in the channel its public notice takes its place in line.
        await Eventually.TrueAsync(() => test.Fake.Messages.Count(m => m.ChannelId == DiscordEvents.ChannelId) == 3, "all three replies");

        var order = test.Fake.Messages.Where(m => m.ChannelId == DiscordEvents.ChannelId).Select(m => JsonSerializer.SerializeToElement(m.Body).GetProperty("message_reference").GetProperty("message_id").GetString()!).ToArray();
        Assert.Equal([Id(stuck), Id(urgent), Id(ordinary)], order);
    }

    [Fact]
    public async Task A_slash_command_over_the_limit_gets_the_notice_only_its_asker_sees()
    {
        await using var test = await DiscordTestHost.StartAsync(settings: FairUseOn);
        var callbacks = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            var command = DiscordEvents.Command("ask", [DiscordEvents.Option("question", $"side effects? {i}")]);
            var path = $"/interactions/{command["id"]}/";
            await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", command);
            await Eventually.TrueAsync(() => test.RequestsTo(path).Count == 1, "interaction callback");
            callbacks.Add(test.RequestsTo(path).Single().Json);
        }

        Assert.All(callbacks[..3], c => Assert.False(c.GetProperty("data").TryGetProperty("flags", out var f) && f.ValueKind == JsonValueKind.Number));
        Assert.Equal(64, callbacks[3].GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("asking faster than I can answer well", callbacks[3].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_as_a_reply_to_an_answer_returns_its_quotes_and_another_persons_is_read_alone()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var question = DiscordEvents.Mention("what are the side effects?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", question);
        await Eventually.TrueAsync(() => test.RepliesTo(Id(question)).Count == 1, "the answer");

        var followUp = ReplyToBot(DiscordEvents.Mention("source?"));
        var stranger = From(Neighbour, ReplyToBot(DiscordEvents.Mention("source?")));
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", followUp);
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", stranger);
        await Eventually.TrueAsync(() => test.RepliesTo(Id(followUp)).Count == 1 && test.RepliesTo(Id(stranger)).Count == 1, "both replies");

        var sources = Text(test.RepliesTo(Id(followUp)).Single());
        Assert.Contains("Where the answer to", sources, StringComparison.Ordinal);
        Assert.Contains("The only reported side effects", sources, StringComparison.Ordinal);
        Assert.DoesNotContain("The only reported side effects", Text(test.RepliesTo(Id(stranger)).Single()), StringComparison.Ordinal);
    }

    private static JsonObject ReplyToBot(JsonObject message)
    {
        message["content"] = message["content"]!.GetValue<string>().Replace($"<@{DiscordEvents.BotId}> ", "", StringComparison.Ordinal);
        message["type"] = 19;
        message["referenced_message"] = new JsonObject { ["id"] = DiscordEvents.NextId(), ["author"] = DiscordEvents.User(DiscordEvents.BotId, bot: true) };
        return message;
    }

    private static JsonObject From(string user, JsonObject message)
    {
        message["author"] = DiscordEvents.User(user);
        return message;
    }

    private static string Id(JsonObject message) => message["id"]!.GetValue<string>();

    private static string Text(JsonElement message) => message.GetRawText();
}
