using System.Text.Json.Nodes;

namespace ChatBot.Slack.Rendering;

/// <summary>A rendered, escaped reply. Only <see cref="BlockKitRenderer"/> creates one, so every post carries a rendered Core reply.</summary>
public sealed class SlackMessage
{
    internal SlackMessage(string text, JsonArray blocks)
    {
        Text = text;
        Blocks = blocks;
    }

    /// <summary>Escaped fallback text (notifications, screen readers); includes the caveats and the doctor advice.</summary>
    public string Text { get; }

    public JsonArray Blocks { get; }
}
