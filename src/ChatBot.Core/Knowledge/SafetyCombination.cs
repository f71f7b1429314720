using ChatBot.Core.Safety;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Concepts that together raise a category when all of them are said in one sentence: "took" + "many"
/// is having taken too much in any language the concepts know, whatever the words between them. A
/// combination of one concept ("lethal") fires whenever that concept is said.
/// </summary>
public sealed record SafetyCombination(IReadOnlyList<SafetyConcept> Concepts, int Line)
{
    public string Name => string.Join(" + ", Concepts.Select(c => c.Name));

    public bool MatchesAny(IReadOnlyList<string> sentences) =>
        sentences.Any(sentence => Concepts.All(concept => concept.Patterns.Any(pattern => PatternMatch.IsMatch(pattern, sentence))));
}
