namespace ChatBot.Core.Knowledge;

/// <summary>One problem in the knowledge folder, precise enough for a moderator to fix it: file, line, field.</summary>
public sealed record KnowledgeError(string File, int Line, string Field, string Message)
{
    public override string ToString() =>
        Field.Length == 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Field}: {Message}";
}
