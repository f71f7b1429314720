namespace ChatBot.Core.Knowledge;

/// <summary>Aliases rewritten to a canonical term before matching (e.g. "magtein" → "magnesium l-threonate").</summary>
public sealed record Synonym(string Term, IReadOnlyList<string> Aliases);
