using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Conversations;

/// <summary>
/// How often one person, and one channel, may ask (section <c>FairUse</c>). Each is a token bucket: a burst of
/// <c>…Burst</c> questions, refilled at <c>…PerMinute</c>. Moderators and urgent red flags are never limited.
/// </summary>
public sealed class FairUseOptions
{
    public const string Section = "FairUse";

    public bool Enabled { get; set; } = true;

    [Range(0.1, 600)]
    public double PerUserPerMinute { get; set; } = 5;

    [Range(1, 1000)]
    public int PerUserBurst { get; set; } = 3;

    [Range(0.1, 6000)]
    public double PerChannelPerMinute { get; set; } = 20;

    [Range(1, 10000)]
    public int PerChannelBurst { get; set; } = 10;

    /// <summary>At most this many people and channels are tracked; the longest idle are forgotten first.</summary>
    [Range(100, 10_000_000)]
    public int MaxTracked { get; set; } = 100_000;
}
