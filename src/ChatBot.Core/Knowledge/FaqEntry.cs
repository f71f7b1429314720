namespace ChatBot.Core.Knowledge;

/// <summary>One hand-written FAQ entry, loaded and validated from <c>knowledge/faq/&lt;id&gt;.yaml</c>.</summary>
public sealed record FaqEntry
{
    public required string Id { get; init; }

    public required string Question { get; init; }

    public required IReadOnlyList<string> Alternates { get; init; }

    /// <summary>
    /// Questions members asked in their own words, as they asked them: matched like alternates, but not read by
    /// safety triage as examples of harmless questions, since nobody vetted them for that.
    /// </summary>
    public IReadOnlyList<string> Asked { get; init; } = [];

    /// <summary>Every phrasing retrieval matches a question against.</summary>
    public IEnumerable<string> Phrasings => [Question, .. Alternates, .. Asked];

    public required string Answer { get; init; }

    public required IReadOnlyList<FaqCitation> Citations { get; init; }

    public required EvidenceInfo Evidence { get; init; }

    public required IReadOnlyList<string> Caveats { get; init; }

    public required IReadOnlyList<string> Related { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required string File { get; init; }
}
