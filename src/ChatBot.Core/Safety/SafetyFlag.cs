using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Safety;

/// <summary>A raised red flag and why: the pattern that matched, the concepts that met, or the nearest example and its similarity.</summary>
public sealed record SafetyFlag(SafetyCategory Category, SafetySignal Signal, string Because, double Similarity)
{
    public string Explain() => Signal switch
    {
        SafetySignal.Pattern => $"pattern {Because}",
        SafetySignal.Combination => $"concepts {Because}",
        _ => $"close to example \"{Because}\" (similarity {Similarity:0.00})",
    };
}
