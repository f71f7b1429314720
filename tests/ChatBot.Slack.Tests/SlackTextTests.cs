using System.Text.Json.Nodes;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.Sending;

namespace ChatBot.Slack.Tests;

public sealed class SlackTextTests
{
    [Fact]
    public void Escape_ReplacesOnlyTheThreeControlCharacters() =>
        Assert.Equal("a &amp;lt; &lt;!here&gt; \"q\" 'x' @channel", SlackText.Escape("a &lt; <!here> \"q\" 'x' @channel"));

    [Fact]
    public void ToPlainQuestion_StripsOurMentionAndDecodesEntities() =>
        Assert.Equal("is 3 mg < 5 mg & safe? see example.com", SlackText.ToPlainQuestion("<@U0BOT0001> is 3 mg &lt; 5 mg &amp; safe? see <https://x|example.com>", "U0BOT0001"));

    [Fact]
    public void Trim_NeverCutsInsideAnEntity()
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
    public void Chunk_PiecesFitAndKeepAllWords()
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
    public void SendGuard_RejectsUnsafeBodies(string json) =>
        Assert.Throws<InvalidOperationException>(() => SendGuard.Check(JsonNode.Parse(json)!.AsObject()));
}
