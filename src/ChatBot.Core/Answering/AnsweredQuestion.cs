using ChatBot.Core.Replies;

namespace ChatBot.Core.Answering;

/// <summary>A question (normalised) and the reply it got, as seen by observers such as the question log.</summary>
public sealed record AnsweredQuestion(string Question, AskContext Context, Reply Reply);
