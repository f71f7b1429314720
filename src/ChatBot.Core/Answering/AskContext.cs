namespace ChatBot.Core.Answering;

/// <summary>Where a question came from. <paramref name="UserId"/> is the platform's raw id; Core hashes it before storing.</summary>
public sealed record AskContext(string Platform, string? UserId = null, bool IsPublicChannel = false)
{
    public static AskContext Console { get; } = new("console");

    /// <summary>The channel (or DM) it was asked in, for the per-channel fair-use limit.</summary>
    public string? Channel { get; init; }

    /// <summary>The conversation follow-ups are read in: a thread, a channel or a DM. Null: every message stands alone.</summary>
    public string? Conversation { get; init; }

    /// <summary>Moderators (and the console's operator) are not limited.</summary>
    public bool Exempt { get; init; }

    /// <summary>A slash command must be answered: over the limit it gets the notice again rather than silence.</summary>
    public bool MustReply { get; init; }
}
