namespace ChatBot.Discord.Rendering;

/// <summary><c>RichEmbedField</c>.</summary>
internal sealed record EmbedFieldPayload(string Name, string Value, bool? Inline = null);
