namespace ChatBot.Core.Safety;

/// <summary>Why a red flag fired.</summary>
public enum SafetySignal
{
    /// <summary>A pattern of the category matched the message.</summary>
    Pattern,

    /// <summary>The message, or one of its clauses, is close to one of the category's example phrasings.</summary>
    Example,

    /// <summary>All the concepts of one of the category's combinations were said in one sentence.</summary>
    Combination,
}
