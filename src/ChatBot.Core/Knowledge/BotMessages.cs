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

    /// <summary>Public stand-in when the private guidance could not be delivered (the asker's direct messages are closed).</summary>
    public required string SafetyDirectMessagesClosed { get; init; }

    /// <summary>Added to "not covered" when the question seems not to be in English.</summary>
    public required string EnglishOnly { get; init; }

    /// <summary>A short "if this is an emergency, call your local emergency number" in several languages, for a message in a language the bot does not read.</summary>
    public string EmergencyAnyLanguage { get; init; } = "";

    /// <summary>Said once when someone asks faster than the fair-use limit; "{0}" is the seconds until they can ask again.</summary>
    public string RateLimited { get; init; } = "You're asking faster than I can answer well. Please try again in {0} s.";

    /// <summary>Shown before a follow-up answered together with the previous question; "{0}" is that question.</summary>
    public string FollowUp { get; init; } = "Read together with your previous question, \"{0}\":";

    /// <summary>Heads the sources of the previous answer ("source?"); "{0}" is its question.</summary>
    public string FollowUpSources { get; init; } = "Where the answer to \"{0}\" comes from, word for word:";

    /// <summary>Heads the related questions of the previous answer ("tell me more"); "{0}" is its question.</summary>
    public string FollowUpMore { get; init; } = "More on \"{0}\": pick one of these related questions.";

    /// <summary>Shown before an answer to a question in another language, found through its word-by-word English reading; "{0}" is that reading.</summary>
    public string ReadInEnglish { get; init; } = "The article is in English, so I answer in English. I read your question word by word as \"{0}\"; if that is not what you asked, please ask again in English.";
}
