namespace ChatBot.Discord.Rendering;

/// <summary><c>RichEmbed</c>.</summary>
internal sealed record EmbedPayload(string? Title, string? Description, int? Color, IReadOnlyList<EmbedFieldPayload>? Fields, EmbedFooterPayload? Footer);
