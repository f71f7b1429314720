namespace ChatBot.Core.Knowledge;

/// <summary>What a raised red flag does to the reply.</summary>
public enum SafetyAction
{
    /// <summary>The guidance stands above the answer.</summary>
    Warn,

    /// <summary>Urgent guidance replaces the answer.</summary>
    Replace,
}
