namespace ChatBot.Discord.Rendering;

/// <summary><c>RichEmbedFooter</c>.</summary>
internal sealed record EmbedFooterPayload(string Text);
