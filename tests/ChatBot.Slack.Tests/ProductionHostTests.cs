using ChatBot.Core.Answering;
using ChatBot.Host;
using ChatBot.Slack.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Slack.Tests;

/// <summary>The real composition root and the real engine over the shipped knowledge, pointed at the fake by configuration.</summary>
public sealed class ProductionHostTests
{
    [Fact]
    public async Task Real_host_and_engine_answer_a_mention_and_a_safety_question()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var settings = SlackTestHost.Settings(fake);
        settings["Knowledge:Path"] = Repository.Knowledge;
        settings["Retrieval:Mode"] = "Lexical";
        settings["Console:Enabled"] = "false";
        settings["Logging:LogLevel:Default"] = "Warning";
        using var host = ChatBotHostBuilder.Create([], settings).Build();
        await host.StartAsync();
        try
        {
            await Eventually.TrueAsync(() => fake.LiveSockets.Count == 1, "socket");
            var engine = host.Services.GetRequiredService<IAnswerEngine>();
            var expected = engine.Ask("Does magnesium L-threonate help sleep?", new AskContext("slack"));

            await fake.SendEnvelopeAsync(SlackFrames.Mention("Does magnesium L-threonate help sleep?", SlackFrames.Ts(1)));
            await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Any(), "reply");

            var reply = Assert.Single(fake.Delivered("chat.postMessage"));
            Assert.Equal(SlackFrames.Ts(1), reply.Str("thread_ts"));
            Assert.Contains(SlackText.Escape(expected.DoctorAdvice), reply.Str("text"));
            Assert.All(expected.Caveats, c => Assert.Contains(SlackText.Escape(c), reply.Str("text")));
            if (expected.Title is not null)
            {
                Assert.Contains(SlackText.Escape(expected.Title), reply.Body["blocks"]!.ToJsonString());
            }

            const string urgent = "I have chest pain after taking magnesium, what should I do?";
            var guidance = engine.Ask(urgent, new AskContext("slack", SlackFrames.User, IsPublicChannel: true));
            Assert.NotEmpty(guidance.Safety);
            await fake.SendEnvelopeAsync(SlackFrames.Mention(urgent, SlackFrames.Ts(2)));
            await Eventually.TrueAsync(() => fake.Delivered("chat.postEphemeral").Any(), "private guidance");
            await Eventually.TrueAsync(() => fake.Delivered("chat.postMessage").Count() == 2, "public notice");

            var notice = fake.Delivered("chat.postMessage").Single(c => c.Str("thread_ts") == SlackFrames.Ts(2));
            var privately = Assert.Single(fake.Delivered("chat.postEphemeral"));
            var safetyText = SlackText.Escape(guidance.Safety[0].Message);
            Assert.DoesNotContain(safetyText[..40], notice.Json);
            Assert.DoesNotContain("chest pain after", notice.Json);
            Assert.Contains(SlackText.Escape(expected.DoctorAdvice), notice.Str("text"));
            Assert.Contains(safetyText[..40], privately.Json);
            Assert.Equal(SlackFrames.User, privately.Str("user"));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
