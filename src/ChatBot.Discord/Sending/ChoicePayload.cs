namespace ChatBot.Discord.Sending;

/// <summary><c>ApplicationCommandOptionStringChoice</c>.</summary>
internal sealed record ChoicePayload(string Name, string Value);
