namespace ChatBot.Core.Replies;

/// <summary>What kind of reply the engine produced. Expected outcomes are values, not exceptions.</summary>
public enum ReplyOutcome
{
    /// <summary>A confident match: the answer of one FAQ entry, with its citations.</summary>
    Answer,

    /// <summary>Two entries are about as likely: the reply asks which one was meant.</summary>
    Clarify,

    /// <summary>The FAQ does not cover the question (or it was empty). Carries no citation.</summary>
    NoAnswer,

    /// <summary>A red flag was raised. Carries the safety guidance, and for warn-level flags also the answer.</summary>
    Safety,

    /// <summary>A message that is not an answer to a question: about text, a refusal, an error.</summary>
    Notice,
}
