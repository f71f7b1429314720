namespace ChatBot.Discord.Rendering;

/// <summary>
/// A reply made ready for Discord. Only <see cref="ReplyRenderer"/> creates one, so nothing can send
/// text that was not rendered from a Core reply (with its caveats and doctor advice).
/// </summary>
internal sealed class RenderedMessage(string? content, IReadOnlyList<EmbedPayload>? embeds, IReadOnlyList<ActionRowPayload>? components)
{
    public string? Content { get; } = content;

    public IReadOnlyList<EmbedPayload>? Embeds { get; } = embeds;

    public IReadOnlyList<ActionRowPayload>? Components { get; } = components;
}
