namespace ChatBot.Core.Knowledge;

/// <summary>The bot's own words, from <c>knowledge/bot.yaml</c>.</summary>
public sealed record BotSettings
{
    public required string StandingCaveat { get; init; }

    public required string DoctorAdvice { get; init; }

    public required BotMessages Messages { get; init; }

    public IReadOnlyList<Synonym> Synonyms { get; init; } = [];

    /// <summary>What every question is about (after synonyms), e.g. "magnesium l-threonate". Optional.</summary>
    public string Subject { get; init; } = "";
}
