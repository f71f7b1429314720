namespace ChatBot.Core.Retrieval;

/// <summary>What the bot does when two unrelated entries score alike for a question.</summary>
public enum TieReply
{
    /// <summary>Answers with both entries, each with its own citations. The default: on the tune question banks it answered far more questions correctly than asking.</summary>
    AnswerBoth,

    /// <summary>Asks "did you mean A or B?" and answers nothing yet.</summary>
    AskWhich,
}
