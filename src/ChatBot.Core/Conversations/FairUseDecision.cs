namespace ChatBot.Core.Conversations;

/// <summary>What fair use allows for one question: answer it, say once that the person is over the limit, or stay silent.</summary>
public sealed record FairUseDecision(FairUseVerdict Verdict, TimeSpan RetryAfter)
{
    public static FairUseDecision Allowed { get; } = new(FairUseVerdict.Allowed, TimeSpan.Zero);
}

public enum FairUseVerdict
{
    Allowed,

    /// <summary>Over the limit, and not told yet since their last answered question: one short notice.</summary>
    Notice,

    /// <summary>Over the limit and already told: nothing is sent.</summary>
    Silent,
}
