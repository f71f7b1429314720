namespace ChatBot.Core.Safety;

/// <summary>The clauses the semantic signal compares, and whether they are a glossary's English rendering of another language.</summary>
public sealed record SemanticReading(IReadOnlyList<string> Clauses, bool IsGloss)
{
    public static readonly SemanticReading None = new([], IsGloss: false);
}
