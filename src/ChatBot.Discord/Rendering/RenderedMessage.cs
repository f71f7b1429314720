namespace ChatBot.Discord.Rendering;

/// <summary>
/// A reply made ready for Discord. Only <see cref="ReplyRenderer"/> creates one, so nothing can send
/// text that was not rendered from a Core reply (with its caveats and doctor advice).
/// </summary>
internal sealed class RenderedMessage
{
    internal RenderedMessage(string? content, IReadOnlyList<EmbedPayload>? embeds, IReadOnlyList<ActionRowPayload>? components)
    {
        Content = content;
        Embeds = embeds;
        Components = components;
    }

    public string? Content { get; }

    public IReadOnlyList<EmbedPayload>? Embeds { get; }

    public IReadOnlyList<ActionRowPayload>? Components { get; }
}
