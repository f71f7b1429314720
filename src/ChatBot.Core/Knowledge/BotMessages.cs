namespace ChatBot.Core.Knowledge;

/// <summary>Fallback and notice texts. <see cref="Clarify"/> holds "{0}" and "{1}" for the two candidates.</summary>
public sealed record BotMessages
{
    public required string NoAnswer { get; init; }

    public required string Clarify { get; init; }

    public required string Empty { get; init; }

    public required string Error { get; init; }

    public required string Refusal { get; init; }

    public required string About { get; init; }

    public required string FeedbackThanks { get; init; }

    public required string SafetySentPrivately { get; init; }

    /// <summary>Added to "not covered" when the question seems not to be in English.</summary>
    public required string EnglishOnly { get; init; }

    /// <summary>A short "if this is an emergency, call your local emergency number" in several languages, for a message in a language the bot does not read.</summary>
    public string EmergencyAnyLanguage { get; init; } = "";
}
