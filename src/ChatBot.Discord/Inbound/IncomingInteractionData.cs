namespace ChatBot.Discord.Inbound;

/// <summary>Command data (types 2 and 4) or component data (type 3).</summary>
internal sealed record IncomingInteractionData(string? Name, IReadOnlyList<IncomingOption>? Options, string? CustomId);
