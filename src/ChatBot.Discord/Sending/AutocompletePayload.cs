namespace ChatBot.Discord.Sending;

/// <summary><c>InteractionApplicationCommandAutocompleteCallbackStringData</c>.</summary>
internal sealed record AutocompletePayload(IReadOnlyList<ChoicePayload> Choices);
