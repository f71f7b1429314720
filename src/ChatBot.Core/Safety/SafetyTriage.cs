using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Text;

namespace ChatBot.Core.Safety;

/// <summary>
/// Recognises red flags before retrieval from two signals: the precise patterns of <c>safety.yaml</c>
/// (numbers with units, drug names, emergency phrases per language) with its combinations of concepts
/// said in one sentence ("took" + "many", in every language the concepts know), and, in semantic mode, how close
/// the message or one of its clauses comes to a category's example phrasings compared with the nearest
/// harmless look-alike. Either signal raises the flag; flags come out in <see cref="SafetyPrecedence"/> order.
/// Russian typed in Latin letters is also read in Cyrillic (<see cref="RussianInLatinLetters"/>), with the glossary given.
/// </summary>
public sealed class SafetyTriage(IReadOnlyList<SafetyCategory> categories, SafetyIndex? semantic, Glossary? glossary = null)
{
    private readonly IReadOnlyList<SafetyCategory> _categories = categories;
    private readonly SafetyIndex? _semantic = semantic;
    private readonly Glossary _glossary = glossary ?? Glossary.Empty;

    /// <summary>Each message's Russian reading, kept while the message is: triage asks for it several times (what to embed, what the semantic signal reads, what the patterns read).</summary>
    private readonly ConditionalWeakTable<string, StrongBox<string?>> _russianReadings = [];

    public IReadOnlyList<SafetyCategory> Categories => _categories;

    public bool IsSemantic => _semantic is not null;

    /// <summary>The clauses the semantic signal compares (<see cref="SafetyIndex.ClausesOf"/>); none in lexical mode.</summary>
    public SemanticReading SemanticClauses(string normalizedMessage, string prepared) =>
        _semantic is null ? SemanticReading.None
        : RussianReading(normalizedMessage) is { } cyrillic ? _semantic.ClausesOf(cyrillic, cyrillic)
        : _semantic.ClausesOf(normalizedMessage, prepared);

    /// <summary>A message this short that the language guess takes for English is English: too few words to tell.</summary>
    private const int MinimumWordsIfEnglishToo = 4;

    /// <summary>
    /// A message in another language as the glossary renders it in English, word by word (<see cref="EnglishGloss"/>), so
    /// retrieval can read it too; null for an English message or one too little of which the glossary knows. A message
    /// the language guess takes for English is read only when it is long enough and the glossary knows nearly all of it.
    /// </summary>
    public string? EnglishReading(string normalizedMessage, string prepared)
    {
        var cyrillic = RussianReading(normalizedMessage);
        var guessedEnglish = LanguageGuess.IsLikelyEnglish(cyrillic ?? prepared);
        if (guessedEnglish && prepared.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinimumWordsIfEnglishToo)
        {
            return null;
        }

        var needed = guessedEnglish ? EnglishGloss.MinimumCoverageIfEnglishToo : EnglishGloss.MinimumCoverage;
        return EnglishGloss.Of(RetrievalText.Clean(cyrillic ?? normalizedMessage), _glossary, needed);
    }

    /// <summary>A message in Russian typed in Latin letters, in Cyrillic; null for any other message.</summary>
    public string? RussianReading(string normalizedMessage) =>
        _russianReadings.GetValue(normalizedMessage, message => new StrongBox<string?>(RussianInLatinLetters.ToCyrillic(message, _glossary))).Value;

    /// <summary>
    /// Has every pattern this triage runs compiled on the background compiler now, rather than each once it has run
    /// often: for a bot that runs for months, so its first burst after a start does not pay for the compiling.
    /// </summary>
    public void CompilePatternsSoon() => PatternMatch.CompileSoon(_categories.SelectMany(PatternsOf).Distinct());

    /// <summary>Whether every pattern this triage runs, and every first test of one (<see cref="PatternCore"/>), now runs compiled.</summary>
    public bool PatternsCompiled => _categories.SelectMany(PatternsOf).Distinct().All(PatternMatch.RunsCompiledWithCore);

    private static IEnumerable<Regex> PatternsOf(SafetyCategory category) =>
        category.Patterns.Concat(category.Unless
            .Concat(category.NegatedBy)
            .Concat(category.Overruled.SelectMany(o => o.By))
            .Concat(category.Combinations.SelectMany(c => c.Concepts.Concat(c.Unless)))
            .SelectMany(c => c.Patterns));

    /// <summary>Patterns only: what lexical mode, and the check of a pattern edit, rely on.</summary>
    public static SafetyAssessment ByPatterns(string normalizedMessage, IReadOnlyList<SafetyCategory> categories) =>
        new SafetyTriage(categories, null).Assess(normalizedMessage, []);

    /// <param name="normalizedMessage">The normalised message, which the patterns read.</param>
    /// <param name="clauses">The message's clauses (<see cref="SafetyClauses"/>) with their vectors; empty in lexical mode.</param>
    /// <param name="skip">An example or look-alike to leave out of the comparison, when checking that phrasing itself.</param>
    /// <param name="glossed">The clauses are the glossary's English rendering of a message in another language: they must come
    /// closer, and what would stop a category (its <c>unless</c> concepts, negations) is read in the message itself.</param>
    public SafetyAssessment Assess(string normalizedMessage, IReadOnlyList<(string Clause, float[] Vector)> clauses, string? skip = null, bool glossed = false)
    {
        if (RussianReading(normalizedMessage) is not { } cyrillic)
        {
            return AssessText(normalizedMessage, clauses, skip, glossed);
        }

        // The patterns read both spellings; the clauses are the Cyrillic one's rendering (SemanticClauses).
        // What stops a category is read in both: "v proshlom godu pil antibiotiki" took them last year.
        var russian = AssessText(cyrillic, clauses, skip, glossed);
        var latin = AssessText(normalizedMessage, [], skip, glossed: false, alsoStoppedIn: cyrillic);
        var flags = russian.Flags.Concat(latin.Flags.Where(l => russian.Flags.All(r => r.Category != l.Category)));
        return new SafetyAssessment(SafetyPrecedence.Sort(flags, f => f.Category), russian.Semantic) { ReadAs = cyrillic };
    }

    /// <param name="alsoStoppedIn">Another spelling of the message whose sentences, read alongside its own, can stop a category.</param>
    private SafetyAssessment AssessText(string normalizedMessage, IReadOnlyList<(string Clause, float[] Vector)> clauses, string? skip, bool glossed, string? alsoStoppedIn = null)
    {
        if (normalizedMessage.Length == 0)
        {
            return SafetyAssessment.None;
        }

        var semantic = _semantic is null || clauses.Count == 0 ? [] : _semantic.Compare(clauses, skip, glossed);
        // Categories compete: "my 8 yo can't sleep" resembles the child examples far more than the kidney
        // ones, though both share "my relative can't sleep". Only categories near the best one may fire.
        var strongest = semantic.Count == 0 ? 0 : semantic.Max(e => e.ExampleSimilarity);
        var folded = ArabicLetters.Fold(normalizedMessage);
        var read = SafetySentences.Read(folded);
        var alsoRead = alsoStoppedIn is null ? null : SafetySentences.Read(ArabicLetters.Fold(alsoStoppedIn));
        // Categories that take negated statements out read the rest; their `unless` concepts still read every word.
        var views = new Dictionary<string, (string Text, string[] Sentences)>(StringComparer.Ordinal);
        var flags = new List<SafetyFlag>();
        var said = new ConceptMatches();
        Func<SafetyConcept, string, bool> says = said.Says;
        for (var i = 0; i < _categories.Count; i++)
        {
            var category = _categories[i];
            var key = string.Join(' ', category.NegatedBy.Select(c => c.Name));
            if (!views.TryGetValue(key, out var view))
            {
                views[key] = view = Affirmed(folded, read, category.NegatedBy);
            }

            var (text, sentences) = view;
            var overruled = OverruledIn(category, folded, said);
            var unless = new UnlessScope(overruled.Count == 0 ? category.Unless : category.Unless.Except(overruled).ToArray(), read, said, alsoRead);
            var pattern = FirstPattern(category, text, sentences, unless);
            var combination = pattern is null ? FirstCombination(category, text, sentences, unless, says, StopsUnless(overruled, said.Stops)) : null;
            if (pattern is not null)
            {
                flags.Add(new SafetyFlag(category, SafetySignal.Pattern, pattern.ToString(), 1));
            }
            else if (combination is not null)
            {
                flags.Add(new SafetyFlag(category, SafetySignal.Combination, combination.Describe(), 1));
            }
            else if (semantic.Count > 0 && (!glossed || category.ByGlossary) && semantic[i].Fires(category.Threshold, category.Margin)
                && semantic[i].ExampleSimilarity >= strongest - SafetyDefaults.CategoryMargin
                && !unless.Stops(glossed ? folded : semantic[i].Clause)
                && !NegatedStatements.Says(glossed ? folded : semantic[i].Clause, category.NegatedBy))
            {
                flags.Add(new SafetyFlag(category, SafetySignal.Example, semantic[i].Example, semantic[i].ExampleSimilarity));
            }
        }

        return new SafetyAssessment(SafetyPrecedence.Sort(flags, f => f.Category), semantic);
    }

    /// <summary>
    /// The <c>unless</c> concepts this message overrules (<see cref="SafetyCategory.Overruled"/>), for the category and
    /// for each of its combinations: none, with nothing allocated, for a category without overrules or a message that
    /// says none.
    /// </summary>
    private static IReadOnlyList<SafetyConcept> OverruledIn(SafetyCategory category, string message, ConceptMatches said)
    {
        if (category.Overruled.Count == 0)
        {
            return [];
        }

        bool Overrules(SafetyOverrule overrule) => overrule.By.Any(c => said.Says(c, message));
        return category.Overruled.Any(Overrules) ? category.Overruled.Where(Overrules).Select(o => o.Unless).ToArray() : [];
    }

    /// <summary>Whether a combination's <c>unless</c> concept stops it in a text: never when the message overrules it.</summary>
    private static Func<SafetyConcept, string, bool> StopsUnless(IReadOnlyList<SafetyConcept> overruled, Func<SafetyConcept, string, bool> says) =>
        overruled.Count == 0 ? says : (concept, text) => !overruled.Contains(concept) && says(concept, text);

    // The two searches below run for every category of every message: loops, with the lambdas `unless` needs made
    // only when it has concepts to read, since each lambda made per pattern or combination allocates.
    private static Regex? FirstPattern(SafetyCategory category, string text, string[] sentences, UnlessScope unless)
    {
        for (var i = 0; i < category.Patterns.Count; i++)
        {
            var pattern = category.Patterns[i];
            if (PatternMatch.IsMatch(pattern, text) && (unless.IsEmpty || AllowedBy(unless, pattern, sentences)))
            {
                return pattern;
            }
        }

        return null;
    }

    private static bool AllowedBy(UnlessScope unless, Regex pattern, string[] sentences) =>
        unless.Allows(sentences, sentence => PatternMatch.IsMatch(pattern, sentence), () => true);

    private static SafetyCombination? FirstCombination(SafetyCategory category, string text, string[] sentences, UnlessScope unless, Func<SafetyConcept, string, bool> says, Func<SafetyConcept, string, bool> stops)
    {
        for (var i = 0; i < category.Combinations.Count; i++)
        {
            var combination = category.Combinations[i];
            if (unless.IsEmpty ? combination.Matches(text, sentences, says, stops) : AllowedBy(unless, combination, text, sentences, says, stops))
            {
                return combination;
            }
        }

        return null;
    }

    private static bool AllowedBy(UnlessScope unless, SafetyCombination combination, string text, string[] sentences, Func<SafetyConcept, string, bool> says, Func<SafetyConcept, string, bool> stops) =>
        unless.Allows(sentences, sentence => combination.AllIn(sentence, says, stops), () => combination.Matches(text, sentences, says, stops));

    /// <summary>
    /// The message and its sentences with negated statements taken out. A negated span never holds a sentence's
    /// end; should one ever do, the sentences would no longer line up, and the whole message is read instead.
    /// </summary>
    private static (string Text, string[] Sentences) Affirmed(string folded, IReadOnlyList<SafetySentences.Sentence> read, IReadOnlyList<SafetyConcept> negations)
    {
        var original = (folded, read.Select(s => s.Text).ToArray());
        if (negations.Count == 0)
        {
            return original;
        }

        var text = NegatedStatements.Remove(folded, negations);
        var sentences = SafetySentences.Read(text);
        return sentences.Count == read.Count ? (text, sentences.Select(s => s.Text).ToArray()) : original;
    }
}
