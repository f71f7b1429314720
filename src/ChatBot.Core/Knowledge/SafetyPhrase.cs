namespace ChatBot.Core.Knowledge;

/// <summary>An example or look-alike phrasing from <c>safety.yaml</c>, with its line for error messages.</summary>
public sealed record SafetyPhrase(string Text, int Line);
