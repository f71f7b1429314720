namespace ChatBot.Core.Knowledge;

/// <summary>A kind of question the article does not answer, with phrasings, from <c>knowledge/not-covered.yaml</c>.</summary>
/// <param name="Asked">Questions members asked in their own words: matched like phrases, not read by safety triage.</param>
public sealed record NotCoveredTopic(string Id, string Description, IReadOnlyList<string> Phrases, IReadOnlyList<string> Asked)
{
    /// <summary>
    /// What the topic is about, by name ("valerian", "melatonin"): a question naming one of them that neither names the
    /// bot's subject nor weighs it against something is about that, not the subject (<see cref="Retrieval.OtherSubject"/>).
    /// </summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    public NotCoveredTopic(string id, string description, IReadOnlyList<string> phrases)
        : this(id, description, phrases, [])
    {
    }
}
