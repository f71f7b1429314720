namespace ChatBot.Discord.Rendering;

// The JSON bodies we send, named after the OpenAPI schemas they must satisfy. Serialized snake_case, nulls omitted.

/// <summary><c>RichEmbed</c>.</summary>
internal sealed record EmbedPayload(string? Title, string? Description, int? Color, IReadOnlyList<EmbedFieldPayload>? Fields, EmbedFooterPayload? Footer);

/// <summary><c>RichEmbedField</c>.</summary>
internal sealed record EmbedFieldPayload(string Name, string Value, bool? Inline = null);

/// <summary><c>RichEmbedFooter</c>.</summary>
internal sealed record EmbedFooterPayload(string Text);

/// <summary><c>ActionRowComponentForMessageRequest</c>.</summary>
internal sealed record ActionRowPayload(IReadOnlyList<ButtonPayload> Components)
{
    public int Type => 1;
}

/// <summary><c>ButtonComponentForMessageRequest</c> (style 1 primary, 2 secondary).</summary>
internal sealed record ButtonPayload(int Style, string Label, string CustomId, EmojiPayload? Emoji = null)
{
    public int Type => 2;
}

/// <summary><c>ComponentEmojiForRequest</c> (unicode emoji: name only).</summary>
internal sealed record EmojiPayload(string Name);
