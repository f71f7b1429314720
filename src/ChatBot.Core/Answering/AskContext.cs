namespace ChatBot.Core.Answering;

/// <summary>Where a question came from. <paramref name="UserId"/> is the platform's raw id; Core hashes it before storing.</summary>
public sealed record AskContext(string Platform, string? UserId = null, bool IsPublicChannel = false)
{
    public static AskContext Console { get; } = new("console");
}
