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

/// <summary><c>MessageAllowedMentionsRequest</c>.</summary>
internal sealed record AllowedMentionsPayload(IReadOnlyList<string> Parse, bool RepliedUser)
{
    /// <summary>Nobody is pinged: no @everyone/@here, no roles, no users, not even the person replied to.</summary>
    public static AllowedMentionsPayload None { get; } = new([], false);
}

/// <summary><c>MessageReferenceRequest</c>.</summary>
internal sealed record MessageReferencePayload(string MessageId, bool FailIfNotExists);

/// <summary><c>CreateMessageInteractionCallbackRequest</c> / <c>ApplicationCommandAutocompleteCallbackRequest</c>.</summary>
internal sealed record InteractionResponsePayload(int Type, object? Data);

/// <summary><c>InteractionApplicationCommandAutocompleteCallbackStringData</c>.</summary>
internal sealed record AutocompletePayload(IReadOnlyList<ChoicePayload> Choices);

/// <summary><c>ApplicationCommandOptionStringChoice</c>.</summary>
internal sealed record ChoicePayload(string Name, string Value);

/// <summary><c>CreatePrivateChannelRequest</c>.</summary>
internal sealed record CreateDmPayload(string RecipientId);
