using ChatBot.Core.Replies;

namespace ChatBot.Core.Evaluation;

/// <summary>One message of a set with the reply it got, whether that passed, and whether it cited an entry of another topic.</summary>
public sealed record EvaluatedItem(QuestionSetItem Item, Reply Reply, bool Passed, bool OffTopic = false);
