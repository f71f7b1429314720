namespace ChatBot.Core.Safety;

/// <summary>The red flags a message raises, in precedence order, and what the semantic signal saw for each category.</summary>
public sealed record SafetyAssessment(IReadOnlyList<SafetyFlag> Flags, IReadOnlyList<SemanticEvidence> Semantic)
{
    public static readonly SafetyAssessment None = new([], []);

    /// <summary>How the triage read the message when it was Russian in Latin letters: in Cyrillic; otherwise null.</summary>
    public string? ReadAs { get; init; }

    public bool IsUrgent => Flags.Any(f => f.Category.Action == Knowledge.SafetyAction.Replace);
}
