namespace ChatBot.Discord.Rendering;

/// <summary><c>ButtonComponentForMessageRequest</c> (style 1 primary, 2 secondary).</summary>
internal sealed record ButtonPayload(int Style, string Label, string CustomId, EmojiPayload? Emoji = null)
{
    public int Type => 2;
}
