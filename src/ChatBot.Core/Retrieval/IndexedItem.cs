using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Retrieval;

/// <summary>What the indexes see of an FAQ entry or a known gap: phrasings to match, and body text (may be empty).</summary>
public sealed record IndexedItem(IReadOnlyList<string> Phrases, string Body)
{
    /// <param name="withAsked">Whether members' questions count as phrasings: in semantic mode, where the model reads them as
    /// examples of a meaning; not in lexical mode, where hundreds of chatty words would outweigh the written phrasings.</param>
    public static IndexedItem Of(FaqEntry entry, bool withAsked) =>
        new(withAsked ? entry.Phrasings.ToArray() : entry.Alternates.Prepend(entry.Question).ToArray(), entry.Answer);

    /// <inheritdoc cref="Of(FaqEntry, bool)"/>
    public static IndexedItem Of(NotCoveredTopic topic, bool withAsked) => new(withAsked ? [.. topic.Phrases, .. topic.Asked] : topic.Phrases, "");

    public static IndexedItem Of(SmallTalkIntent intent, bool withAsked) => new(withAsked ? [.. intent.Phrases, .. intent.Asked] : intent.Phrases, "");
}
