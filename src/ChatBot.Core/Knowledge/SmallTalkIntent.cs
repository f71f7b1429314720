namespace ChatBot.Core.Knowledge;

/// <summary>
/// A message that is not a question about the article — a greeting, thanks, "are you a doctor?" — with
/// the bot's short reply and phrasings to recognise it, from <c>knowledge/smalltalk.yaml</c>.
/// </summary>
public sealed record SmallTalkIntent(string Id, string Reply, IReadOnlyList<string> Phrases);
