using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// One idea of <c>safety.yaml</c>'s <c>concepts</c> ("took", "many", "never_wake"), written once for every
/// language; categories combine concepts, so each new way of saying one idea serves every combination.
/// </summary>
public sealed record SafetyConcept(string Name, IReadOnlyList<Regex> Patterns);
