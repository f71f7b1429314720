namespace ChatBot.Testing.Discord;

/// <summary>A scripted failure for the next matching request. A 429's <see cref="Scope"/> is user, shared, global, or cloudflare (a bare 429 with only Retry-After).</summary>
public sealed record RestFault(RestFaultKind Kind, double RetryAfter = 0.05, string Scope = "user");
