using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Slack.Tests;

/// <summary>Follow-ups in a thread and fair use, with the real host and engine against the fake Slack.</summary>
public sealed class ConversationTests
{
    private const string Other = "U0OTHER0009";

    [Fact]
    public async Task Source_in_the_thread_of_an_answer_returns_its_quotes_but_not_for_someone_else()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await ModeratorHost.StartAsync(fake, s => s["FairUse:Enabled"] = "true");
        var root = SlackFrames.Ts(1);

        await fake.SendEnvelopeAsync(SlackFrames.Mention("what are the side effects?", root));
        await Eventually.TrueAsync(() => Posts(fake).Count == 1, "the answer");
        await fake.SendEnvelopeAsync(SlackFrames.Mention("source?", SlackFrames.Ts(2), tweak: e => e["thread_ts"] = root));
        await Eventually.TrueAsync(() => Posts(fake).Count == 2, "the sources");
        await fake.SendEnvelopeAsync(SlackFrames.Mention("source?", SlackFrames.Ts(3), tweak: e => (e["thread_ts"], e["user"]) = (root, Other)));
        await Eventually.TrueAsync(() => Posts(fake).Count == 3, "the other person's reply");

        var posts = Posts(fake);
        Assert.All(posts, p => Assert.Equal(root, p.Str("thread_ts")));
        Assert.Contains("Where the answer to", posts[1].Json, StringComparison.Ordinal);
        Assert.Contains("The only reported side effects", posts[1].Json, StringComparison.Ordinal);
        Assert.DoesNotContain("The only reported side effects", posts[2].Json, StringComparison.Ordinal);
        Assert.Contains("talk to a doctor", posts[2].Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_thirty_from_one_person_gets_three_answers_and_one_notice_while_others_are_answered_at_once()
    {
        // The clock stands still: whatever is answered was not held up by any wait on it (fair use, pacing, backoff).
        var clock = new FakeTimeProvider();
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await ModeratorHost.StartAsync(fake, s => s["FairUse:Enabled"] = "true", time: clock);
        var urgentTs = SlackFrames.Ts(30);
        var neighbourTs = SlackFrames.Ts(40);

        for (var i = 0; i < 30; i++)
        {
            await fake.SendEnvelopeAsync(SlackFrames.Mention($"side effects? #{i}", SlackFrames.Ts(100 + i)));
            if (i == 15)
            {
                await fake.SendEnvelopeAsync(SlackFrames.Mention("i took the whole bottle of magtein an hour ago and my heart is skipping", urgentTs));
                await fake.SendEnvelopeAsync(SlackFrames.Mention("does it help sleep?", neighbourTs, tweak: e => e["user"] = Other));
                await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("what is magnesium l-threonate?", SlackFrames.Ts(50), tweak: e => e["user"] = "U0THIRD0001"));
            }
        }

        await Eventually.TrueAsync(() => Posts(fake).Any(p => p.Str("thread_ts") == neighbourTs) && Posts(fake).Any(p => p.Str("channel") == "D0DM000001"), "the neighbour's and the DM's answers");
        await Eventually.TrueAsync(() => Posts(fake).Any(p => p.Str("thread_ts") == urgentTs), "the urgent reply inside the burst");
        await fake.WaitForIdleAsync();

        var flooder = Posts(fake).Where(p => p.Str("thread_ts") is { } ts && string.CompareOrdinal(ts, SlackFrames.Ts(100)) >= 0).ToList();
        Assert.Equal(4, flooder.Count);
        Assert.Single(flooder, p => p.Json.Contains("asking faster than I can answer well", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_channel_waiting_on_its_rate_limit_holds_up_neither_a_dm_nor_another_channel()
    {
        // The clock stands still: whatever is answered was not held up by the channel's three-second wait.
        var clock = new FakeTimeProvider();
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:Workers"] = "1", time: clock);
        fake.Script("chat.postMessage", ScriptedResponse.RateLimited(3));

        await fake.SendEnvelopeAsync(SlackFrames.Mention("side effects?", SlackFrames.Ts(1)));
        await Eventually.TrueAsync(() => fake.Calls.Any(c => c.Method == "chat.postMessage"), "the rate-limited post");
        await fake.SendEnvelopeAsync(SlackFrames.Mention("does it help sleep?", SlackFrames.Ts(2), channel: "C0OTHER0003"));
        await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("what is it?", SlackFrames.Ts(3), tweak: e => e["user"] = Other));

        await Eventually.TrueAsync(() => Posts(fake).Any(p => p.Str("channel") == "D0DM000001") && Posts(fake).Any(p => p.Str("channel") == "C0OTHER0003"), "the DM's and the other channel's answers");
        await fake.WaitForIdleAsync();
        Assert.DoesNotContain(Posts(fake), p => p.Str("thread_ts") == SlackFrames.Ts(1));
        clock.Advance(TimeSpan.FromSeconds(3));
        await Eventually.TrueAsync(() => Posts(fake).Any(p => p.Str("thread_ts") == SlackFrames.Ts(1)), "the rate-limited reply, after its wait");
    }

    private static List<RecordedCall> Posts(FakeSlackServer fake) => fake.Delivered("chat.postMessage").ToList();
}
