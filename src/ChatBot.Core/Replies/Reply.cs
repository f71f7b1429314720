namespace ChatBot.Core.Replies;

/// <summary>
/// Everything an adapter needs to render one reply. Built only by <see cref="ReplyComposer"/>, which
/// always fills <see cref="Caveats"/> (at least one) and <see cref="DoctorAdvice"/>.
/// </summary>
public sealed record Reply
{
    /// <summary>Unique id of this reply; feedback buttons refer to it.</summary>
    public required string Id { get; init; }

    public required ReplyOutcome Outcome { get; init; }

    /// <summary>The FAQ entry that answered, if any.</summary>
    public string? EntryId { get; init; }

    /// <summary>For small talk (a greeting, thanks, a question about the bot): the intent recognised.</summary>
    public string? Intent { get; init; }

    /// <summary>A related entry answered alongside the matched one, if any; its answer and citations are included.</summary>
    public string? CompanionEntryId { get; init; }

    /// <summary>True when the companion is an unrelated entry that tied with the matched one: the question log counts it as a clarify.</summary>
    public bool Tied { get; init; }

    /// <summary>The matched entry's canonical question (a title), if any.</summary>
    public string? Title { get; init; }

    /// <summary>Retrieval confidence of the best candidate, 0..1 (0 when retrieval did not run).</summary>
    public double Confidence { get; init; }

    /// <summary>The matched entry's answer; empty when there is none.</summary>
    public string Answer { get; init; } = "";

    /// <summary>A message of the bot's own: the no-answer text, the clarify question, a refusal, the about text.</summary>
    public string Message { get; init; } = "";

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>Evidence label of the matched entry (e.g. "one human clinical trial"); empty when none.</summary>
    public string Evidence { get; init; } = "";

    /// <summary>Entry caveats first, then the standing caveat. Never empty.</summary>
    public required IReadOnlyList<string> Caveats { get; init; }

    public IReadOnlyList<SafetyNotice> Safety { get; init; } = [];

    /// <summary>The see-a-doctor recommendation. Never empty.</summary>
    public required string DoctorAdvice { get; init; }

    public IReadOnlyList<RelatedQuestion> Related { get; init; } = [];

    /// <summary>For <see cref="ReplyOutcome.Clarify"/>: the candidate entries to choose from.</summary>
    public IReadOnlyList<RelatedQuestion> Choices { get; init; } = [];

    /// <summary>The knowledge version that produced this reply.</summary>
    public string KnowledgeVersion { get; init; } = "";

    /// <summary>The whole reply as plain text, as a console user sees it.</summary>
    public required string Text { get; init; }

    /// <summary>The fair-use notice: the asker is over the limit. Adapters show it only to them where they can.</summary>
    public bool Limited { get; init; }

    /// <summary>For a follow-up answered together with the previous question: that question.</summary>
    public string? ReadWith { get; init; }

    public IReadOnlyList<string> SafetyFlags => Safety.Select(s => s.Flag).ToArray();

    /// <summary>This reply's parts in the order every renderer shows them, each marked fixed or trimmable (<see cref="ReplySections"/>).</summary>
    public IReadOnlyList<ReplySection> Sections => ReplySections.Of(this);

    public bool HasUrgentSafety => Safety.Any(s => s.Urgent);
}
