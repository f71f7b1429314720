namespace ChatBot.Core.Knowledge;

/// <summary>
/// A message that is not a question about the article — a greeting, thanks, "are you a doctor?" — with
/// the bot's short reply and phrasings to recognise it, from <c>knowledge/smalltalk.yaml</c>.
/// </summary>
/// <param name="Asked">Messages members sent in their own words: matched like phrases in semantic mode only, not read by safety triage.</param>
public sealed record SmallTalkIntent(string Id, string Reply, IReadOnlyList<string> Phrases, IReadOnlyList<string> Asked)
{
    public SmallTalkIntent(string id, string reply, IReadOnlyList<string> phrases)
        : this(id, reply, phrases, [])
    {
    }
}
