namespace ChatBot.Core.Conversations;

/// <summary>What fair use allows for one question: answer it, say once that the person is over the limit, or stay silent.</summary>
public sealed record FairUseDecision(FairUseVerdict Verdict, TimeSpan RetryAfter)
{
    public static FairUseDecision Allowed { get; } = new(FairUseVerdict.Allowed, TimeSpan.Zero);

    /// <summary>The buckets that refused: told once, through <see cref="FairUseLimiter.TryClaimNotice"/>.</summary>
    internal IReadOnlyList<string> Refusing { get; init; } = [];
}

public enum FairUseVerdict
{
    Allowed,

    /// <summary>
    /// Over the limit, and not told yet: one short notice. Told once per person (until a question of theirs is
    /// allowed again) and once per busy channel (until a question there is allowed again), so a raid of many
    /// accounts gets one notice, not one each.
    /// </summary>
    Notice,

    /// <summary>Over the limit and already told: nothing is sent.</summary>
    Silent,
}
