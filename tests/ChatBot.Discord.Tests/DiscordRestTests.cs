
namespace ChatBot.Discord.Tests;

public sealed class DiscordRestTests
{
    [Fact]
    public async Task Burst_of_429s_delivers_every_reply_once_and_in_order_per_channel()
    {
        await using var test = await DiscordTestHost.StartAsync();
        test.Fake.FailNext(FakeDiscord.IsMessageCreate, new RestFault(RestFaultKind.RateLimited, 0.05), times: 3);
        test.Fake.FailNext(FakeDiscord.IsMessageCreate, new RestFault(RestFaultKind.RateLimited, 0.05, "shared"));
        test.Fake.FailNext(FakeDiscord.IsMessageCreate, new RestFault(RestFaultKind.RateLimited, 0.1, "global"));
        var channels = new[] { "1110000000000000021", "1110000000000000022" };
        var sent = channels.ToDictionary(c => c, _ => new List<string>());
        for (var i = 0; i < 16; i++)
        {
            var channel = channels[i % 2];
            var mention = DiscordEvents.Mention("what is magnesium l-threonate?", channel);
            sent[channel].Add(mention["id"]!.GetValue<string>());
            await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        }

        await Eventually.TrueAsync(() => test.Fake.Messages.Count == 16, "16 replies");
        Assert.Equal(5, test.Fake.Requests.Count(r => FakeDiscord.IsMessageCreate(r)) - 16);
        foreach (var channel in channels)
        {
            var order = test.Fake.Messages.Where(m => m.ChannelId == channel)
                .Select(m => m.Body["message_reference"]!["message_id"]!.GetValue<string>())
                .ToList();
            Assert.Equal(sent[channel], order);
        }
    }

    [Fact]
    public async Task Server_error_is_retried_and_the_reply_is_posted_once()
    {
        await using var test = await DiscordTestHost.StartAsync();
        test.Fake.FailNext(FakeDiscord.IsMessageCreate, new RestFault(RestFaultKind.ServerError));
        var mention = DiscordEvents.Mention("what is magnesium l-threonate?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        await Eventually.TrueAsync(() => test.Fake.Messages.Count == 1, "reply");
        Assert.Equal(2, test.Fake.Requests.Count(FakeDiscord.IsMessageCreate));
    }

    [Fact]
    public async Task Connection_dropped_after_the_post_is_retried_with_the_same_nonce_and_not_duplicated()
    {
        await using var test = await DiscordTestHost.StartAsync();
        test.Fake.FailNext(FakeDiscord.IsMessageCreate, new RestFault(RestFaultKind.DropAfterProcessing));
        var mention = DiscordEvents.Mention("what is magnesium l-threonate?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        await Eventually.TrueAsync(() => test.Fake.Requests.Count(FakeDiscord.IsMessageCreate) == 2, "retry");
        var posts = test.Fake.Requests.Where(FakeDiscord.IsMessageCreate).Select(r => r.Json.GetProperty("nonce").GetString()).ToList();
        Assert.Equal(posts[0], posts[1]);
        Assert.Single(test.Fake.Messages);
    }

    [Fact]
    public async Task Every_request_carries_the_bot_token_user_agent_and_json_content_type_under_api_v10()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var mention = DiscordEvents.Mention("what is magnesium l-threonate?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        await Eventually.TrueAsync(() => test.Fake.Messages.Count == 1, "reply");

        var post = test.Fake.Requests.Single(FakeDiscord.IsMessageCreate);
        Assert.Equal("Bot " + test.Fake.Token, post.Authorization);
        Assert.Matches(@"^DiscordBot \(https?://[^,]+, [\d.]+\)", post.UserAgent);
        Assert.Equal("application/json", post.ContentType);
    }

    [Fact]
    public async Task A_reply_refused_for_lack_of_read_message_history_is_posted_without_the_reference()
    {
        await using var test = await DiscordTestHost.StartAsync();
        test.Fake.FailNext(FakeDiscord.IsMessageCreate, new RestFault(RestFaultKind.CannotReply));
        var mention = DiscordEvents.Mention("what is magnesium l-threonate?");

        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        await Eventually.TrueAsync(() => !test.Fake.Messages.IsEmpty, "the answer, posted plainly");
        var (channel, body, _) = Assert.Single(test.Fake.Messages);
        Assert.Equal(DiscordEvents.ChannelId, channel);
        Assert.Null(body["message_reference"]);
        Assert.Contains("See a doctor", body.ToJsonString(), StringComparison.Ordinal);
    }
}
