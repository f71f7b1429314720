namespace ChatBot.Discord.Sending;

/// <summary><c>CreateMessageInteractionCallbackRequest</c> / <c>ApplicationCommandAutocompleteCallbackRequest</c>.</summary>
internal sealed record InteractionResponsePayload(int Type, object? Data);
