namespace ChatBot.Core.Knowledge;

/// <summary>A kind of question the article does not answer, with phrasings, from <c>knowledge/not-covered.yaml</c>.</summary>
public sealed record NotCoveredTopic(string Id, string Description, IReadOnlyList<string> Phrases);
