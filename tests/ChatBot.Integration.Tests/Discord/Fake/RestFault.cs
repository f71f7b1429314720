namespace ChatBot.Integration.Tests.Discord.Fake;

/// <summary>A scripted failure for the next matching request.</summary>
public sealed record RestFault(RestFaultKind Kind, double RetryAfter = 0.05, string Scope = "user");
