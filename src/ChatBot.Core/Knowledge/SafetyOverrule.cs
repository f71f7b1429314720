namespace ChatBot.Core.Knowledge;

/// <summary>
/// One of a category's <c>unless</c> concepts that stops nothing in a message saying one of <see cref="By"/>
/// (<c>overruled: { asking_about: [happening_now] }</c>): "can magtein cause chest pain?" is a general question,
/// but not when the next words say the pain started twenty minutes ago. The overrule holds for the category's own
/// <c>unless</c> and for the same concept in the <c>unless</c> of any of its combinations.
/// </summary>
public sealed record SafetyOverrule(SafetyConcept Unless, IReadOnlyList<SafetyConcept> By);
