namespace ChatBot.Integration.Tests.Discord.Fake;

/// <summary>A scripted failure for the next matching request.</summary>
public sealed record RestFault(RestFaultKind Kind, double RetryAfter = 0.05, string Scope = "user");

public enum RestFaultKind
{
    /// <summary>429 with Discord's headers and body.</summary>
    RateLimited,

    /// <summary>500.</summary>
    ServerError,

    /// <summary>The request is processed, then the connection drops before the response.</summary>
    DropAfterProcessing,
}
