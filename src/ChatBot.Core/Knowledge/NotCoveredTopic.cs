namespace ChatBot.Core.Knowledge;

/// <summary>A kind of question the article does not answer, with phrasings, from <c>knowledge/not-covered.yaml</c>.</summary>
/// <param name="Asked">Questions members asked in their own words: matched like phrases, not read by safety triage.</param>
public sealed record NotCoveredTopic(string Id, string Description, IReadOnlyList<string> Phrases, IReadOnlyList<string> Asked)
{
    public NotCoveredTopic(string id, string description, IReadOnlyList<string> phrases)
        : this(id, description, phrases, [])
    {
    }
}
