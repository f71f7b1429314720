using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>A red-flag category from <c>knowledge/safety.yaml</c>, with its compiled patterns.</summary>
public sealed record SafetyCategory(
    string Id,
    string Label,
    SafetyAction Action,
    string Message,
    IReadOnlyList<Regex> Patterns);
