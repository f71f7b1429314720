namespace ChatBot.Core.Answering;

/// <summary>Bot messages that are not answers. Each still carries the caveat and the doctor advice.</summary>
public enum NoticeKind
{
    /// <summary>Something failed on our side.</summary>
    Error,

    /// <summary>The asker may not use this command.</summary>
    Refusal,

    /// <summary>Thanks for a 👍/👎.</summary>
    FeedbackThanks,

    /// <summary>Public stand-in for safety guidance that was sent privately.</summary>
    SafetyGuidanceSentPrivately,

    /// <summary>Public stand-in when the safety guidance could not be sent privately: it says how to get it, not what it is.</summary>
    SafetyGuidanceUndeliverable,
}
