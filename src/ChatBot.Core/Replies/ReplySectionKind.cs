namespace ChatBot.Core.Replies;

/// <summary>The parts of a reply. <see cref="ReplySections.Of"/> lists a reply's parts in the one order every renderer follows.</summary>
public enum ReplySectionKind
{
    /// <summary>The red flags' guidance (<see cref="Reply.Safety"/>), urgent first.</summary>
    SafetyGuidance,

    /// <summary>The bot's own text (<see cref="Reply.Message"/>): the no-answer text, the clarify question, a notice.</summary>
    Message,

    /// <summary>The entries a clarify reply asks to choose from (<see cref="Reply.Choices"/>).</summary>
    Choices,

    /// <summary>The matched entry's answer body (<see cref="Reply.Answer"/>), under its <see cref="Reply.Title"/>.</summary>
    Answer,

    /// <summary>The verbatim source quotes (<see cref="Reply.Citations"/>).</summary>
    Quotes,

    /// <summary>The evidence label (<see cref="Reply.Evidence"/>).</summary>
    Evidence,

    /// <summary>The caveats (<see cref="Reply.Caveats"/>).</summary>
    Caveats,

    /// <summary>The see-a-doctor advice (<see cref="Reply.DoctorAdvice"/>).</summary>
    DoctorAdvice,

    /// <summary>Related questions to ask next (<see cref="Reply.Related"/>), usually shown as buttons.</summary>
    Related,
}
