namespace ChatBot.Core.Knowledge;

/// <summary>The outcome of loading a knowledge folder: a complete knowledge base, or every error found.</summary>
public sealed record KnowledgeLoadResult(KnowledgeBase? Knowledge, IReadOnlyList<KnowledgeError> Errors)
{
    public bool IsValid => Knowledge is not null && Errors.Count == 0;
}
