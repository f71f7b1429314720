using System.Runtime.CompilerServices;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Safety;

/// <summary>
/// Whether a concept is said in a text, each concept read at most once per text of one message. Categories and
/// combinations share concepts ("took", "many", "asking_about"), so without this one message ran the same
/// patterns on the same sentence again for every combination and category naming them (about 3,400 pattern
/// runs a message, 1,900 of them distinct, with the shipped safety file).
/// </summary>
internal sealed class ConceptMatches
{
    private readonly Dictionary<(SafetyConcept Concept, string Text), bool?> _said = new(KeyComparer.Instance);

    /// <summary>Whether the text says the concept, read to raise a flag: a pattern too slow to decide counts as said.</summary>
    public bool Says(SafetyConcept concept, string text) => Read(concept, text) ?? true;

    /// <summary>
    /// Whether the text says the concept, read to stop a flag (an <c>unless</c> concept): a pattern too slow to decide
    /// counts as not said, so the flag stays.
    /// </summary>
    public bool Stops(SafetyConcept concept, string text) => Read(concept, text) ?? false;

    /// <summary>True when a pattern matches, false when none does, null when none matches and one could not decide.</summary>
    private bool? Read(SafetyConcept concept, string text)
    {
        if (!_said.TryGetValue((concept, text), out var said))
        {
            said = false;
            foreach (var pattern in concept.Patterns)
            {
                var match = PatternMatch.Decide(pattern, text);
                if (match == true)
                {
                    said = true;
                    break;
                }

                if (match is null)
                {
                    said = null;
                }
            }

            _said[(concept, text)] = said;
        }

        return said;
    }

    /// <summary>A concept is itself (records compare their pattern lists, which costs more than it saves); texts by value.</summary>
    private sealed class KeyComparer : IEqualityComparer<(SafetyConcept Concept, string Text)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((SafetyConcept Concept, string Text) x, (SafetyConcept Concept, string Text) y) =>
            ReferenceEquals(x.Concept, y.Concept) && string.Equals(x.Text, y.Text, StringComparison.Ordinal);

        public int GetHashCode((SafetyConcept Concept, string Text) key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Concept), StringComparer.Ordinal.GetHashCode(key.Text));
    }
}
