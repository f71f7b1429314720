using System.Text.Json.Nodes;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.Sending;

namespace ChatBot.Slack.Tests;

public sealed class SlackTextTests
{
    [Fact]
    public void Escape_replaces_only_the_three_control_characters() =>
        Assert.Equal("a &amp;lt; &lt;!here&gt; \"q\" 'x' @channel", SlackText.Escape("a &lt; <!here> \"q\" 'x' @channel"));

    [Fact]
    public void To_plain_question_strips_our_mention_and_decodes_entities() =>
        Assert.Equal("is 3 mg < 5 mg & safe? see example.com", SlackText.ToPlainQuestion("<@U0BOT0001> is 3 mg &lt; 5 mg &amp; safe? see <https://x|example.com>", "U0BOT0001"));

    [Fact]
    public void Trim_never_cuts_inside_an_entity()
    {
        var escaped = SlackText.Escape(new string('a', 8) + "&&&&&");
        for (var max = 2; max < escaped.Length; max++)
        {
            var trimmed = SlackText.Trim(escaped, max);
            Assert.True(trimmed.Length <= max);
            Assert.DoesNotMatch("&[a-z]{0,3}…$", trimmed);
        }
    }

    [Fact]
    public void Chunk_pieces_fit_and_keep_all_words()
    {
        var text = string.Join(' ', Enumerable.Range(0, 2000).Select(i => "w" + i));
        var pieces = SlackText.Chunk(text, 300);
        Assert.All(pieces, p => Assert.True(p.Length <= 300));
        Assert.Equal(text.Split(' '), string.Join(' ', pieces).Split(' '));
    }

    [Theory]
    [InlineData("""{"text":"<!channel>"}""")]
    [InlineData("""{"text":"ok","link_names":true}""")]
    [InlineData("""{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"hi"}}]}""")]
    public void Send_guard_rejects_unsafe_bodies(string json) =>
        Assert.Throws<InvalidOperationException>(() => SendGuard.Check(JsonNode.Parse(json)!.AsObject()));
}
