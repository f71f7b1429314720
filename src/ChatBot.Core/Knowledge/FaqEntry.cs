namespace ChatBot.Core.Knowledge;

/// <summary>One hand-written FAQ entry, loaded and validated from <c>knowledge/faq/&lt;id&gt;.yaml</c>.</summary>
public sealed record FaqEntry
{
    public required string Id { get; init; }

    public required string Question { get; init; }

    public required IReadOnlyList<string> Alternates { get; init; }

    public required string Answer { get; init; }

    public required IReadOnlyList<FaqCitation> Citations { get; init; }

    public required EvidenceInfo Evidence { get; init; }

    public required IReadOnlyList<string> Caveats { get; init; }

    public required IReadOnlyList<string> Related { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required string File { get; init; }
}
