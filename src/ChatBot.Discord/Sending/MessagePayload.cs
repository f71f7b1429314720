using ChatBot.Discord.Rendering;

namespace ChatBot.Discord.Sending;

/// <summary><c>MessageCreateRequest</c> / <c>IncomingWebhookInteractionRequest</c> / <c>IncomingWebhookUpdateRequestPartial</c>: unset parts are omitted.</summary>
internal sealed record MessagePayload(
    string? Content,
    IReadOnlyList<EmbedPayload>? Embeds,
    IReadOnlyList<ActionRowPayload>? Components,
    AllowedMentionsPayload AllowedMentions,
    MessageReferencePayload? MessageReference = null,
    string? Nonce = null,
    bool? EnforceNonce = null,
    int? Flags = null);
