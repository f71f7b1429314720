namespace ChatBot.Core.Knowledge;

/// <summary>
/// Concepts that together raise a category when all of them are said in one sentence: "took" + "many"
/// is having taken too much in any language the concepts know, whatever the words between them. A
/// combination of one concept ("lethal") fires whenever that concept is said. Some ideas belong
/// together across sentences ("nothing matters. I've saved up the pills"): those combinations are read
/// in the whole message (<see cref="WholeMessage"/>). A combination can also name concepts that stop it
/// (<see cref="Unless"/>): a symptom named in a general question ("what are the signs, like muscle
/// weakness?") or a wish said as an idiom ("this insomnia is killing me") is not a red flag.
/// </summary>
public sealed record SafetyCombination(IReadOnlyList<SafetyConcept> Concepts, bool WholeMessage = false)
{
    /// <summary>Concepts that, said in the same sentence (or message), keep the combination from firing.</summary>
    public IReadOnlyList<SafetyConcept> Unless { get; init; } = [];

    public string Name => string.Join(" + ", Concepts.Select(c => c.Name));

    /// <summary>For explanations: "took + many in one sentence".</summary>
    public string Describe() => Name + (WholeMessage ? " in the message" : " in one sentence")
        + (Unless.Count == 0 ? "" : " without " + string.Join(" or ", Unless.Select(c => c.Name)));

    /// <param name="normalizedMessage">The message, read when the combination is read in the whole message.</param>
    /// <param name="sentences">Its sentences, read one by one otherwise.</param>
    /// <param name="said">Whether a concept is said in a text (a message's triage remembers the answers).</param>
    /// <param name="stops">Whether an <see cref="Unless"/> concept stops it in a text; <paramref name="said"/> when null.</param>
    public bool Matches(string normalizedMessage, IReadOnlyList<string> sentences, Func<SafetyConcept, string, bool> said, Func<SafetyConcept, string, bool>? stops = null)
    {
        if (WholeMessage)
        {
            return AllIn(normalizedMessage, said, stops);
        }

        // Loops rather than LINQ: every message runs every combination, and each lambda would allocate.
        for (var i = 0; i < sentences.Count; i++)
        {
            if (AllIn(sentences[i], said, stops))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one text alone (a sentence) says every concept and none that stops it.</summary>
    /// <param name="stops">Whether an <see cref="Unless"/> concept stops it in the text; <paramref name="said"/> when null.</param>
    public bool AllIn(string text, Func<SafetyConcept, string, bool> said, Func<SafetyConcept, string, bool>? stops = null)
    {
        stops ??= said;
        for (var i = 0; i < Concepts.Count; i++)
        {
            if (!said(Concepts[i], text))
            {
                return false;
            }
        }

        for (var i = 0; i < Unless.Count; i++)
        {
            if (stops(Unless[i], text))
            {
                return false;
            }
        }

        return true;
    }
}
