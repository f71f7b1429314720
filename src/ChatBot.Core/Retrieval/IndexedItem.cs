using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Retrieval;

/// <summary>What the indexes see of an FAQ entry or a known gap: phrasings to match, and body text (may be empty).</summary>
public sealed record IndexedItem(IReadOnlyList<string> Phrases, string Body)
{
    public static IndexedItem Of(FaqEntry entry) => new(entry.Phrasings.ToArray(), entry.Answer);

    public static IndexedItem Of(NotCoveredTopic topic) => new([.. topic.Phrases, .. topic.Asked], "");

    public static IndexedItem Of(SmallTalkIntent intent) => new(intent.Phrases, "");
}
