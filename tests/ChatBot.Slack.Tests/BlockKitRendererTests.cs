using System.Text.Json.Nodes;
using ChatBot.Core.Replies;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.Sending;

namespace ChatBot.Slack.Tests;

public sealed class BlockKitRendererTests
{
    private static readonly BlockKitRenderer Renderer = new();
    private static readonly StubAnswerEngine Engine = new();

    private static Reply Answer(string answer) => Engine.Ask("x", new("slack")) with { Answer = answer };

    private static IEnumerable<JsonObject> Texts(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is "mrkdwn" or "plain_text" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Texts(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Texts(n)),
        _ => [],
    };

    [Fact]
    public void Render_answer_has_header_section_sources_caveats_doctor_advice_and_actions()
    {
        var message = Renderer.Render(Engine.Ask("magnesium", new("slack")));
        var types = message.Blocks.Select(b => (string)b!["type"]!).ToArray();
        Assert.Equal(["header", "section", "context", "context", "section", "actions"], types);
        var json = message.Blocks.ToJsonString();
        Assert.Contains("Zhang et al. 2022", json);
        Assert.Contains("one human clinical trial", json);
        Assert.Contains(StubAnswerEngine.Caveat, json);
        Assert.Contains(StubAnswerEngine.DoctorAdvice, json);
        Assert.Contains(ActionIds.FeedbackUp, json);
        Assert.Contains(ActionIds.RelatedPrefix + "magnesium-dose", json);
    }

    [Fact]
    public void Render_safety_answer_blocks_and_fallback_follow_the_section_order()
    {
        var reply = Engine.Ask("pregnant?", new("slack"));
        var message = Renderer.Render(reply);

        Assert.Equal(["header", "section", "section", "context", "context", "section", "actions"], message.Blocks.Select(b => (string)b!["type"]!));
        Assert.Contains("midwife", message.Blocks[1]!.ToJsonString());
        Assert.Contains(reply.Answer, message.Blocks[2]!.ToJsonString());
        var text = message.Text;
        Assert.True(text.IndexOf("midwife", StringComparison.Ordinal) < text.IndexOf(reply.Answer, StringComparison.Ordinal));
        Assert.True(text.IndexOf(reply.Answer, StringComparison.Ordinal) < text.IndexOf(StubAnswerEngine.Caveat, StringComparison.Ordinal));
        Assert.EndsWith(StubAnswerEngine.DoctorAdvice, text);
    }

    [Fact]
    public void Render_huge_message_and_answer_share_the_room_and_keep_everything_fixed()
    {
        var reply = Answer(new string('a', 200_000)) with { Message = new string('m', 200_000) };
        var message = Renderer.Render(reply);

        Assert.True(message.Blocks.Count <= BlockLimits.Blocks);
        var json = message.Blocks.ToJsonString();
        Assert.Contains(StubAnswerEngine.Caveat, json);
        Assert.Contains(StubAnswerEngine.DoctorAdvice, json);
        Assert.Contains("aaaa", json);
        Assert.Contains("Zhang et al. 2022", json);
        Assert.True(message.Text.Length <= BlockLimits.FallbackText);
    }

    [Fact]
    public void Render_fallback_text_contains_caveats_and_doctor_advice()
    {
        var message = Renderer.Render(Answer(new string('a', 20_000)));
        Assert.Contains(StubAnswerEngine.Caveat, message.Text);
        Assert.EndsWith(StubAnswerEngine.DoctorAdvice, message.Text);
        Assert.True(message.Text.Length <= BlockLimits.FallbackText);
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(400_000)]
    public void Render_huge_answer_stays_within_limits_and_keeps_caveats_and_advice(int length)
    {
        var words = string.Concat(Enumerable.Repeat("sleep & <rest> ", length / 15));
        var reply = Answer(words) with { Caveats = Enumerable.Range(0, 25).Select(i => $"Caveat {i}.").ToArray() };
        var message = Renderer.Render(reply);
        Assert.True(message.Blocks.Count <= BlockLimits.Blocks);
        foreach (var text in Texts(message.Blocks))
        {
            Assert.InRange(((string)text["text"]!).Length, 1, BlockLimits.SectionText);
        }

        foreach (var context in message.Blocks.Where(b => (string)b!["type"]! == "context"))
        {
            Assert.True(context!["elements"]!.AsArray().Count <= BlockLimits.ContextElements);
        }

        var json = message.Blocks.ToJsonString();
        Assert.All(Enumerable.Range(0, 25), i => Assert.Contains($"Caveat {i}.", json));
        Assert.Contains(StubAnswerEngine.DoctorAdvice, json);
        Assert.DoesNotContain("&am…", json);
    }

    [Fact]
    public void Render_long_title_and_buttons_are_trimmed_to_limits()
    {
        var longQ = new string('q', 500);
        var reply = Answer("ok") with { Title = longQ, Related = [new("e1", longQ), new("e2", "b"), new("e3", "c"), new("e4", "d"), new("e5", "e"), new("e6", "f")] };
        var blocks = Renderer.Render(reply).Blocks;
        Assert.True(((string)blocks[0]!["text"]!["text"]!).Length <= BlockLimits.HeaderText);
        var buttons = blocks.Single(b => (string)b!["type"]! == "actions")!["elements"]!.AsArray();
        Assert.Equal(BlockLimits.RelatedButtons + 2, buttons.Count);
        Assert.All(buttons, b => Assert.True(((string)b!["text"]!["text"]!).Length <= BlockLimits.ButtonText));
        Assert.All(buttons, b => Assert.True(((string)b!["action_id"]!).Length <= BlockLimits.ActionId));
        Assert.Equal(buttons.Count, buttons.Select(b => (string)b!["action_id"]!).Distinct().Count());
    }

    [Fact]
    public void Render_hostile_text_is_escaped_and_every_mrkdwn_is_verbatim()
    {
        var reply = Answer("<!channel> <!here> <!everyone> <!subteam^S123> <@U999> @here &lt; <https://evil|ok>") with { Title = "<!here> title" };
        var message = Renderer.Render(reply);
        var json = message.Blocks.ToJsonString() + message.Text;
        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.Contains("&lt;!channel&gt;", message.Text);
        Assert.Contains("&amp;lt;", message.Text);
        Assert.All(Texts(message.Blocks).Where(t => (string)t["type"]! == "mrkdwn"), t => Assert.True((bool)t["verbatim"]!));
        SendGuard.Check(new JsonObject { ["text"] = message.Text, ["blocks"] = message.Blocks.DeepClone() });
    }

    [Fact]
    public void Render_notice_has_no_feedback_buttons_but_keeps_caveat_and_advice()
    {
        var message = Renderer.Render(Engine.About());
        var json = message.Blocks.ToJsonString();
        Assert.DoesNotContain(ActionIds.FeedbackUp, json);
        Assert.Contains(StubAnswerEngine.Caveat, json);
        Assert.Contains(StubAnswerEngine.DoctorAdvice, json);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(50_000)]
    public void Render_ephemeral_long_answer_and_quotes_fit_the_Slack_ephemeral_limit_fixed_parts_whole(int repeats)
    {
        var quote = string.Concat(Enumerable.Repeat("Zitat über Schlaf & Ruhe 😴 ", repeats / 10 + 1));
        var reply = Answer(string.Concat(Enumerable.Repeat("Schlafqualität – 睡眠 & <mehr> ", repeats))) with
        {
            Citations = Enumerable.Range(0, 4).Select(i => new Citation("s" + i, "Source " + i, quote, "¶" + i)).ToArray(),
        };

        var message = Renderer.RenderEphemeral(reply);

        var texts = Texts(message.Blocks).Select(t => (string)t["text"]!).ToList();
        Assert.True(SlackText.Bytes(message.Text) + texts.Sum(SlackText.Bytes) <= BlockLimits.EphemeralTextBytes);
        var all = string.Join("\n", texts);
        Assert.Contains(StubAnswerEngine.Caveat, all);
        Assert.Contains("Small study.", all);
        Assert.Contains(StubAnswerEngine.DoctorAdvice, all);
        Assert.EndsWith(StubAnswerEngine.DoctorAdvice, message.Text);
        Assert.Contains("Source 0, ¶0", all);
        Assert.Contains("one human clinical trial", all);
        Assert.DoesNotContain("&am…", all);
        Assert.Equal(Renderer.Render(reply).Blocks.Count(b => (string)b!["type"]! == "context"), message.Blocks.Count(b => (string)b!["type"]! == "context"));
    }

    [Fact]
    public void Render_ephemeral_short_reply_is_the_same_as_in_a_channel()
    {
        var reply = Engine.Ask("magnesium", new("slack"));

        Assert.Equal(Renderer.Render(reply).Blocks.ToJsonString(), Renderer.RenderEphemeral(reply).Blocks.ToJsonString());
    }

    [Fact]
    public void Render_ephemeral_long_answer_with_short_quotes_keeps_the_quotes_whole_and_gives_the_answer_the_rest()
    {
        var reply = Answer(string.Concat(Enumerable.Repeat("Schlafqualität – 睡眠 & <mehr> ", 2_000)));

        var message = Renderer.RenderEphemeral(reply);

        var texts = Texts(message.Blocks).Select(t => (string)t["text"]!).ToList();
        Assert.Contains("“Sleep quality improved modestly.” — Zhang et al. 2022, ¶3 s.2", texts);
        var answer = Assert.Single(texts, t => t.StartsWith("Schlafqualität", StringComparison.Ordinal));
        Assert.EndsWith("…", answer);
        Assert.InRange(SlackText.Bytes(message.Text) + texts.Sum(SlackText.Bytes), BlockLimits.EphemeralTextBytes - 100, BlockLimits.EphemeralTextBytes);
    }
}
