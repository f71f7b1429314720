using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Text;

namespace ChatBot.Core.Safety;

/// <summary>
/// The semantic signal: every category's example phrasings and every look-alike, embedded with the model
/// retrieval uses and compared with the vectors retrieval already made of the message, so triage costs
/// no second model call. Look-alikes are pooled: a harmless phrasing written for one category also keeps
/// a message from firing another, and so does every phrasing of an FAQ entry, known gap or small-talk
/// intent — ordinary questions the bot is built to answer.
/// </summary>
public sealed class SafetyIndex
{
    private readonly IReadOnlyList<SafetyCategory> _categories;
    private readonly string[][] _examples;
    private readonly string[] _lookAlikes;

    /// <summary>Every category's examples, category after category, then the look-alikes.</summary>
    private readonly VectorMatrix _vectors;
    private readonly int[] _firstExampleRow;
    private readonly int _firstLookAlikeRow;

    /// <summary>Per row: the phrasing is another language's rendering, compared only with renderings.</summary>
    private readonly bool[] _rendered;
    private readonly Glossary _glossary;

    public SafetyIndex(IReadOnlyList<SafetyCategory> categories, IReadOnlyList<string> ordinaryQuestions, QueryRewriter rewriter, EmbeddingCache cache, Glossary? glossary = null)
    {
        _categories = categories;
        _glossary = glossary ?? Glossary.Empty;
        // A phrasing in another language is compared as the signal reads a message like it (ClausesOf): as the glossary
        // renders it, so a rendered message meets renderings that share its quirks. An English message is compared with
        // English phrasings only: a rough rendering near it says little about it (without this, the nearest child example
        // of "my little girl… her operation" was a Chinese one).
        var examples = categories.Select(c => Readings(c.Examples, _glossary)).ToArray();
        var lookAlikes = categories.SelectMany(c => Readings(c.NotExamples, _glossary))
            .Concat(ordinaryQuestions.Select(q => (Text: q, Read: q)))
            .DistinctBy(p => p.Text, StringComparer.Ordinal)
            .ToArray();
        var rows = examples.SelectMany(t => t).Concat(lookAlikes).ToArray();
        Texts = rows.Select(p => rewriter.Neutral(p.Read)).ToArray();
        _rendered = rows.Select(p => !string.Equals(p.Read, p.Text, StringComparison.Ordinal)).ToArray();
        _vectors = cache.Matrix(Texts);
        var exampleTexts = examples.Select(e => e.Select(p => p.Text).ToArray()).ToArray();
        _examples = exampleTexts;
        _lookAlikes = lookAlikes.Select(p => p.Text).ToArray();
        _firstExampleRow = new int[exampleTexts.Length];
        var next = 0;
        for (var i = 0; i < exampleTexts.Length; i++)
        {
            _firstExampleRow[i] = next;
            next += exampleTexts[i].Length;
        }

        _firstLookAlikeRow = next;
    }

    /// <summary>
    /// What the signal reads of a message: an English one as retrieval prepared it, clause by clause when long; one in
    /// another language as the glossary renders it in English (<see cref="EnglishGloss"/>); nothing when the glossary
    /// knows too little of it, since the model's similarities outside English are noise.
    /// </summary>
    public SemanticReading ClausesOf(string normalizedMessage, string prepared) => ClausesOf(normalizedMessage, prepared, _glossary);

    private static SemanticReading ClausesOf(string normalizedMessage, string prepared, Glossary glossary)
    {
        if (LanguageGuess.IsLikelyEnglish(prepared))
        {
            return new SemanticReading(SafetyClauses.Of(prepared), IsGloss: false);
        }

        var gloss = EnglishGloss.Of(RetrievalText.Clean(normalizedMessage), glossary);
        return new SemanticReading(gloss is null ? [] : SafetyClauses.Of(gloss), IsGloss: true);
    }

    /// <summary>
    /// What the signal compares of a phrasing: in another language, the glossary's English rendering of it, as of a message
    /// (<see cref="ClausesOf"/>); otherwise, or when the glossary knows too little of it (short English jargon such as
    /// "zoloft + mgt ok?" reads as another language), the phrasing itself.
    /// </summary>
    public static string Reading(string phrase, Glossary glossary)
    {
        // Read as a message is (SafetyTriage.SemanticClauses): Russian typed in Latin letters in Cyrillic, then the whole.
        var normalized = QuestionNormalizer.Normalize(phrase);
        var text = RussianInLatinLetters.ToCyrillic(normalized, glossary) ?? normalized;
        var read = ClausesOf(text, RetrievalText.Clean(text), glossary);
        return read.IsGloss && read.Clauses.Count > 0 ? read.Clauses[0] : phrase;
    }

    /// <summary>Worked out on every core: thousands of phrasings are read at each start and reload, each on its own.</summary>
    private static (string Text, string Read)[] Readings(IReadOnlyList<SafetyPhrase> phrases, Glossary glossary) =>
        phrases.AsParallel().AsOrdered().Select(p => (p.Text, Read: Reading(p.Text, glossary))).ToArray();

    /// <summary>The embedded texts, so the cache keeps them.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>
    /// Per category, what the clause closest to one of its examples looks like. The first clause is the whole
    /// message; <paramref name="skip"/> leaves one phrasing out (validation).
    /// </summary>
    public IReadOnlyList<SemanticEvidence> Compare(IReadOnlyList<(string Clause, float[] Vector)> clauses, string? skip = null, bool glossed = false)
    {
        var evidence = new SemanticEvidence[_categories.Count];
        var similarities = clauses.Select(c => _vectors.Similarities(c.Vector)).ToArray();
        var lookAlikes = similarities.Select(s => Nearest(_lookAlikes, s, _firstLookAlikeRow, skip, glossed)).ToArray();
        for (var i = 0; i < _categories.Count; i++)
        {
            var category = _categories[i];
            SemanticEvidence? best = null;
            for (var j = 0; j < clauses.Count; j++)
            {
                var example = Nearest(_examples[i], similarities[j], _firstExampleRow[i], skip, glossed);
                var candidate = new SemanticEvidence(category.Id, example.Text, example.Similarity, lookAlikes[j].Text, lookAlikes[j].Similarity, clauses[j].Clause)
                {
                    IsClause = j > 0,
                    IsGloss = glossed,
                };
                if (best is null || Better(candidate, best, category))
                {
                    best = candidate;
                }
            }

            evidence[i] = best ?? new SemanticEvidence(category.Id, "", 0, "", 0, "");
        }

        return evidence;
    }

    private static bool Better(SemanticEvidence candidate, SemanticEvidence best, SafetyCategory category)
    {
        var fires = candidate.Fires(category.Threshold, category.Margin);
        var bestFires = best.Fires(category.Threshold, category.Margin);
        return fires != bestFires ? fires : candidate.ExampleSimilarity > best.ExampleSimilarity;
    }

    /// <summary>
    /// How many nearest phrasings are averaged: one close phrasing among hundreds is weaker evidence than
    /// several (measured on the tune corpus, leaving each message out: more red flags caught at the same
    /// false-alarm rate than the single nearest).
    /// </summary>
    private const int Neighbours = 3;

    /// <summary>The nearest phrasing (shown as the reason) and the mean similarity of the nearest few (the score).</summary>
    /// <param name="phrases">The phrasings compared.</param>
    /// <param name="similarities">The message's similarity with every row of the index.</param>
    /// <param name="firstRow">The row of the first phrasing; the others follow.</param>
    /// <param name="skip">A phrasing to leave out.</param>
    /// <param name="glossed">The message is a rendering too: renderings of phrasings count.</param>
    private (string Text, double Similarity) Nearest(string[] phrases, float[] similarities, int firstRow, string? skip, bool glossed)
    {
        Span<double> top = stackalloc double[Neighbours];
        var count = 0;
        var nearest = "";
        for (var row = 0; row < phrases.Length; row++)
        {
            var text = phrases[row];
            if ((skip is not null && string.Equals(text, skip, StringComparison.Ordinal)) || (!glossed && _rendered[firstRow + row]))
            {
                continue;
            }

            double similarity = similarities[firstRow + row];
            if (count < Neighbours)
            {
                top[count++] = similarity;
            }
            else if (similarity > top[Neighbours - 1])
            {
                top[Neighbours - 1] = similarity;
            }
            else
            {
                continue;
            }

            // Keep the few best in descending order; the first is the nearest.
            for (var i = count - 1; i > 0 && top[i] > top[i - 1]; i--)
            {
                (top[i], top[i - 1]) = (top[i - 1], top[i]);
            }

            if (top[0] == similarity)
            {
                nearest = text;
            }
        }

        if (count == 0)
        {
            return ("", 0);
        }

        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += top[i];
        }

        return (nearest, sum / count);
    }
}
