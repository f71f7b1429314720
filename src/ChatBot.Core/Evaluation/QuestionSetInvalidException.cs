namespace ChatBot.Core.Evaluation;

/// <summary>A question set that cannot be replayed; the message names the file and line at fault.</summary>
public sealed class QuestionSetInvalidException(string message, Exception? inner = null) : Exception(message, inner);
