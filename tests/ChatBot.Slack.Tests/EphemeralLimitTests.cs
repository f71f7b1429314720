using System.Text.Json.Nodes;
using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using ChatBot.Slack.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Slack.Tests;

/// <summary>
/// Slack refuses an ephemeral message past about 4,000 bytes of text; the fake does too. A very long answer sent
/// ephemerally arrives trimmed, with the safety guidance, caveats and doctor advice whole; guidance too long for
/// one message arrives in several.
/// </summary>
public sealed class EphemeralLimitTests
{
    /// <summary>About 26 KB of UTF-8, with multi-byte letters, an emoji and characters Slack needs escaped.</summary>
    private static readonly string LongAnswer = string.Concat(Enumerable.Repeat("Schlafqualität besserte sich – 睡眠 😴 & <mehr>. ", 500));

    /// <summary>Raises five red flags or more, three of them urgent.</summary>
    private const string ManyRedFlags = "I'm pregnant and on dialysis, I take lexapro, my 4 year old swallowed some of my pills, and I took the whole bottle because I want to die";

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var t) ? [t] : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    /// <summary>The message fits, and the fixed parts of <paramref name="reply"/> (what the engine answered) are in it whole.</summary>
    private static void AssertFitsWithTheFixedPartsWhole(JsonObject message, Reply reply)
    {
        Assert.True(FakeSlackServer.TextBytes(message) <= FakeSlackServer.EphemeralTextLimit, $"{FakeSlackServer.TextBytes(message)} bytes of text");
        var text = (string)message["text"]!;
        var blocks = Texts(message["blocks"]).ToList();
        foreach (var whole in reply.Safety.Select(s => s.Message).Concat(reply.Caveats).Append(reply.DoctorAdvice).Select(SlackText.Escape))
        {
            Assert.Contains(whole, text);
            Assert.Contains(blocks, b => b.Contains(whole, StringComparison.Ordinal));
        }

        Assert.Contains(blocks, b => b.Contains("Schlafqualität", StringComparison.Ordinal) && b.EndsWith('…'));
        Assert.Contains(SlackText.Escape(reply.Citations[0].SourceTitle), string.Concat(blocks));
    }

    /// <summary>
    /// The most fixed text the shipped knowledge can put in one reply, and more: every red flag's guidance at once
    /// (the one with the longest doctor line first, as the first flag's doctor line is the reply's), with the
    /// caveats of the two entries that carry the most, answered together: about 10,300 bytes rendered as one
    /// ephemeral message. Fixed sections are never trimmed, so it goes as several messages, each within the limit,
    /// each with the caveats and doctor advice whole, the guidance of every category in one of them, most urgent
    /// first, and the answer in the last.
    /// </summary>
    [Fact]
    public void The_largest_fixed_sections_the_shipped_knowledge_can_produce_go_as_several_ephemeral_messages_that_fit()
    {
        var snapshot = SlackTestHost.Knowledge;
        var flags = snapshot.Knowledge.Safety.OrderByDescending(c => SlackText.Bytes(c.DoctorAdvice)).ToArray();
        var mostCaveats = snapshot.Knowledge.Entries.OrderByDescending(e => e.Caveats.Sum(SlackText.Bytes)).Take(2).ToArray();
        var reply = snapshot.Composer.Answer(mostCaveats[0], 1, flags, companion: mostCaveats[1]) with { Answer = LongAnswer };
        Assert.Equal(snapshot.Knowledge.Safety.Count, reply.Safety.Count);
        Assert.True(BlockKitRenderer.CountedBytes(new BlockKitRenderer().RenderEphemeral(reply)) > FakeSlackServer.EphemeralTextLimit, "the reply would fit one message");

        var parts = EphemeralParts.Of(reply);

        Assert.True(parts.Count > 1);
        var messages = parts.Select(p => new BlockKitRenderer().RenderEphemeral(p)).Select(m => new JsonObject { ["text"] = m.Text, ["blocks"] = m.Blocks.DeepClone() }).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            Assert.True(FakeSlackServer.TextBytes(messages[i]) <= FakeSlackServer.EphemeralTextLimit, $"part {i + 1}: {FakeSlackServer.TextBytes(messages[i])} bytes of text");
            var text = (string)messages[i]["text"]!;
            foreach (var whole in reply.Caveats.Append(reply.DoctorAdvice).Select(SlackText.Escape))
            {
                Assert.Contains(whole, text);
            }
        }

        Assert.Equal(ReplySections.SafetyInOrder(reply).Select(s => s.Flag), parts.SelectMany(p => p.Safety).Select(s => s.Flag));
        Assert.All(parts.SkipLast(1), p => Assert.Equal("", p.Answer));
        Assert.Equal(LongAnswer, parts[^1].Answer);
        AssertFitsWithTheFixedPartsWhole(messages[^1], parts[^1]);
    }

    [Fact]
    public void A_reply_that_fits_goes_as_it_is()
    {
        var snapshot = SlackTestHost.Knowledge;
        var reply = snapshot.Composer.Answer(snapshot.Knowledge.Entries[0], 1, [snapshot.Knowledge.Safety[0]]) with { Answer = LongAnswer };

        Assert.Same(reply, Assert.Single(EphemeralParts.Of(reply)));
    }

    [Fact]
    public async Task A_message_raising_many_red_flags_gets_all_its_guidance_privately_in_messages_slack_accepts()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        const string question = ManyRedFlags;
        var reply = bot.Engine.Ask(question, new AskContext("slack"));
        Assert.True(reply.Safety.Count >= 5, string.Join(", ", reply.SafetyFlags));

        await fake.SendEnvelopeAsync(SlackFrames.Mention(question, SlackFrames.Ts(401)));
        await Eventually.TrueAsync(() => fake.Calls.Count(c => c.Method == "chat.postEphemeral") >= 2 && fake.Calls.Any(c => c.Method == "chat.postMessage"), "the public notice and the private guidance in parts");
        await fake.WaitForIdleAsync();

        var privately = fake.Calls.Where(c => c.Method == "chat.postEphemeral").ToList();
        Assert.All(privately, c => Assert.True(c.Delivered, "Slack refused a part of the guidance"));
        var texts = privately.Select(c => (string)c.Body["text"]!).ToList();
        foreach (var notice in reply.Safety)
        {
            Assert.Single(texts, t => t.Contains(SlackText.Escape(notice.Message), StringComparison.Ordinal));
        }

        Assert.All(texts, t => Assert.Contains(SlackText.Escape(reply.DoctorAdvice), t));
        Assert.All(texts, t => Assert.All(reply.Caveats, c => Assert.Contains(SlackText.Escape(c), t)));
    }

    [Fact]
    public async Task A_slash_question_raising_many_red_flags_gets_its_first_part_on_the_ack_and_the_rest_through_the_response_url()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, time: new FakeTimeProvider(DateTimeOffset.UtcNow)); // a standing clock: the ack budget never runs out
        var reply = bot.Engine.Ask(ManyRedFlags, new AskContext("slack"));
        var envelope = SlackFrames.SlashCommand(ManyRedFlags, new Uri(fake.BaseUri, "hooks/commands/42"));
        var id = (string)envelope["envelope_id"]!;

        await fake.SendEnvelopeAsync(envelope);
        await Eventually.TrueAsync(() => fake.Acks.ContainsKey(id) && fake.Calls.Any(c => c.Method == "response_url"), "the ack and the rest of the guidance");
        await fake.WaitForIdleAsync();

        var ack = fake.Acks[id]["payload"]!.AsObject();
        var rest = fake.Calls.Where(c => c.Method == "response_url").ToList();
        Assert.All(rest, c => Assert.True(c.Delivered, "Slack refused a part of the guidance"));
        var messages = rest.Select(c => c.Body).Prepend(ack).ToList();
        Assert.All(messages, m => Assert.Equal("ephemeral", (string)m["response_type"]!));
        Assert.All(messages, m => Assert.True(FakeSlackServer.TextBytes(m) <= FakeSlackServer.EphemeralTextLimit));
        var texts = messages.Select(m => (string)m["text"]!).ToList();
        foreach (var notice in reply.Safety)
        {
            Assert.Single(texts, t => t.Contains(SlackText.Escape(notice.Message), StringComparison.Ordinal));
        }

        Assert.All(texts, t => Assert.Contains(SlackText.Escape(reply.DoctorAdvice), t));
    }

    [Fact]
    public async Task Long_safety_guidance_posted_ephemerally_fits_the_limit_with_guidance_caveats_and_advice_whole()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        bot.Engine.AnswerFor = _ => LongAnswer;

        var reply = bot.Engine.Ask("I am pregnant, can I take it?", new AskContext("slack"));
        Assert.NotEmpty(reply.Safety);

        await fake.SendEnvelopeAsync(SlackFrames.Mention("I am pregnant, can I take it?", SlackFrames.Ts(400)));
        await Eventually.TrueAsync(() => fake.Calls.Any(c => c.Method == "chat.postEphemeral"), "the ephemeral guidance");

        var guidance = Assert.Single(fake.Calls, c => c.Method == "chat.postEphemeral");
        Assert.True(guidance.Delivered, "Slack refused the ephemeral guidance");
        AssertFitsWithTheFixedPartsWhole(guidance.Body, reply);
    }

    [Fact]
    public async Task Long_slash_answer_on_the_ack_fits_the_limit_with_caveats_and_advice_whole()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, time: new FakeTimeProvider(DateTimeOffset.UtcNow)); // a standing clock: the ack budget never runs out
        bot.Engine.AnswerFor = _ => LongAnswer;
        var reply = bot.Engine.Ask("tell me everything", new AskContext("slack"));
        var envelope = SlackFrames.SlashCommand("tell me everything", new Uri(fake.BaseUri, "hooks/commands/40"));
        var id = (string)envelope["envelope_id"]!;

        await fake.SendEnvelopeAsync(envelope);
        await Eventually.TrueAsync(() => fake.Acks.ContainsKey(id), "slash ack");

        var payload = fake.Acks[id]["payload"]!.AsObject();
        Assert.Equal("ephemeral", (string)payload["response_type"]!);
        AssertFitsWithTheFixedPartsWhole(payload, reply);
    }

    [Fact]
    public async Task Long_guidance_through_response_url_fits_the_limit_with_guidance_caveats_and_advice_whole()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake, s => s["Slack:SlashReplyVisibility"] = "in_channel");
        bot.Engine.AnswerFor = _ => LongAnswer;

        var reply = bot.Engine.Ask("pregnant and sleepless", new AskContext("slack"));
        Assert.NotEmpty(reply.Safety);

        await fake.SendEnvelopeAsync(SlackFrames.SlashCommand("pregnant and sleepless", new Uri(fake.BaseUri, "hooks/commands/41")));
        await Eventually.TrueAsync(() => fake.Calls.Any(c => c.Method == "response_url"), "the private guidance");

        var guidance = Assert.Single(fake.Calls, c => c.Method == "response_url");
        Assert.True(guidance.Delivered, "Slack refused the ephemeral guidance");
        AssertFitsWithTheFixedPartsWhole(guidance.Body, reply);
    }
}
