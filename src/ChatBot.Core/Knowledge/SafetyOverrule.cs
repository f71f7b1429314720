namespace ChatBot.Core.Knowledge;

/// <summary>
/// One of a category's <c>unless</c> concepts that stops nothing in a message saying one of <see cref="By"/>
/// (<c>overruled: { asking_about: [happening_now] }</c>): "can magtein cause chest pain?" is a general question,
/// but not when the next words say the pain started twenty minutes ago.
/// </summary>
public sealed record SafetyOverrule(SafetyConcept Unless, IReadOnlyList<SafetyConcept> By);
