using System.Text.Json.Nodes;
using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.Tests;

public sealed class SendPathInvariantTests
{
    private static IEnumerable<JsonObject> TextObjects(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type is "mrkdwn" or "plain_text" => [o],
        JsonObject o => o.SelectMany(p => TextObjects(p.Value)),
        JsonArray a => a.SelectMany(TextObjects),
        _ => [],
    };

    [Fact]
    public async Task Every_outgoing_message_in_a_mixed_session_is_hardened_and_carries_caveat_and_advice()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var bot = await SlackTestHost.StartAsync(fake);
        bot.Engine.EchoQuestion = true;
        var hooks = new Uri(fake.BaseUri, "hooks/x");

        await fake.SendEnvelopeAsync(SlackFrames.Mention("<!channel> <@U0OTHER01> & hi", SlackFrames.Ts(1)));
        await fake.SendEnvelopeAsync(SlackFrames.Mention("pregnant <!here>", SlackFrames.Ts(2)));
        await fake.SendEnvelopeAsync(SlackFrames.DirectMessage("<!everyone> dm", SlackFrames.Ts(3)));
        await fake.SendEnvelopeAsync(SlackFrames.Mention(SteerableAnswerEngine.FailingQuestion, SlackFrames.Ts(4)));
        await fake.SendEnvelopeAsync(SlackFrames.SlashCommand("<!subteam^S1> slash", hooks));
        await fake.SendEnvelopeAsync(SlackFrames.BlockAction(ActionIds.FeedbackUp, "0123456789abcdef|x", hooks, "1.1"));
        await fake.SendEnvelopeAsync(SlackFrames.BlockAction(ActionIds.RelatedPrefix + "how-much-to-take", "how-much-to-take", hooks, "1.2"));
        var admin = SlackFrames.SlashCommand("admin <!channel> status", hooks);
        await fake.SendEnvelopeAsync(admin);
        await Eventually.TrueAsync(() => fake.Acks.ContainsKey((string)admin["envelope_id"]!), "admin refusal");
        await Eventually.TrueAsync(() => fake.Calls.Count(c => c.Method is "chat.postMessage" or "chat.postEphemeral" or "response_url") >= 7, "all messages");
        await fake.WaitForIdleAsync();

        var bodies = fake.Calls.Where(c => c.Method is "chat.postMessage" or "chat.postEphemeral" or "response_url").Select(c => c.Body)
            .Concat(fake.Acks.Values.Select(a => a["payload"]).OfType<JsonObject>())
            .ToList();
        Assert.Equal(9, bodies.Count);
        Assert.All(bodies, body =>
        {
            var json = body.ToJsonString();
            Assert.DoesNotContain("<", json);
            Assert.DoesNotContain(">", json);
            Assert.False(body.ContainsKey("link_names"));
            Assert.False(body.ContainsKey("parse"));
            Assert.All(TextObjects(body).Where(t => (string)t["type"]! == "mrkdwn"), t => Assert.True((bool)t["verbatim"]!));
            bot.AssertCarriesCaveatAndDoctorAdvice((string?)body["text"]);
        });
    }
}
