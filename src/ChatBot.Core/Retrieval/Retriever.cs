using ChatBot.Core.Knowledge;
using ChatBot.Core.Text;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Ranks FAQ entries for a question and decides answer (one entry, or two that tie) / clarify / no-answer. Semantic mode blends
/// embedding similarity with the lexical score (rare terms, aliases, typos); lexical mode uses BM25 alone.
/// Known gaps (<c>not-covered.yaml</c>) are scored the same way: a question closer to a gap than to
/// any entry is not covered. Words the FAQ never uses mark a question down, so a question about another
/// supplement does not borrow an entry.
/// </summary>
public sealed class Retriever
{
    private const double LexicalWeightInSemanticMode = 0.25;

    private readonly IReadOnlyList<FaqEntry> _entries;
    private readonly IReadOnlyList<NotCoveredTopic> _gaps;
    private readonly OtherSubject _otherSubject;
    private readonly IReadOnlyList<SmallTalkIntent> _intents;
    private readonly RetrievalOptions _options;
    private readonly QueryRewriter _rewriter;
    private readonly LexicalIndex _lexical;
    private readonly SemanticIndex? _semantic;
    private readonly SpellingCorrector _speller;

    public Retriever(KnowledgeBase knowledge, RetrievalOptions options, EmbeddingCache? cache)
    {
        _entries = knowledge.Entries;
        _gaps = knowledge.NotCovered;
        _otherSubject = new OtherSubject(knowledge.NotCovered, knowledge.Bot.Subject);
        _intents = knowledge.SmallTalk;
        _options = options;
        _rewriter = new QueryRewriter(knowledge.Bot.Synonyms, knowledge.Bot.Subject);
        var semanticCache = options.Mode == RetrievalMode.Semantic ? cache : null;
        var semantic = semanticCache is not null;
        var items = _entries.Select(e => IndexedItem.Of(e, semantic)).Concat(_gaps.Select(g => IndexedItem.Of(g, semantic))).Concat(_intents.Select(i => IndexedItem.Of(i, semantic))).ToArray();
        _speller = new SpellingCorrector(items.SelectMany(i => i.Phrases.Append(i.Body))
            .Concat(knowledge.Bot.Synonyms.SelectMany(s => s.Aliases.Prepend(s.Term))));
        _lexical = new LexicalIndex(items, _rewriter, vocabularyItems: _entries.Count);
        _semantic = semanticCache is null ? null : new SemanticIndex(items, _rewriter, semanticCache);
    }

    public RetrievalMode Mode => _semantic is null ? RetrievalMode.Lexical : RetrievalMode.Semantic;

    private double Threshold => Mode == RetrievalMode.Semantic ? _options.SemanticThreshold : _options.LexicalThreshold;

    /// <summary>
    /// Decides on the whole question; a long message is also decided sentence by sentence, and the most
    /// confident answer wins, since people bury their question at the end of a story.
    /// </summary>
    public MatchDecision Decide(string normalizedQuestion, QuestionVectors? vectors = null) =>
        DecidePrepared(Prepare(normalizedQuestion), vectors ?? NewVectors());

    /// <summary>As <see cref="Decide"/>, for a message <see cref="Prepare"/> has already read.</summary>
    public MatchDecision DecidePrepared(string text, QuestionVectors vectors)
    {
        var context = ContextOf(text);
        var parts = Parts(text, context);
        vectors.Ensure(parts);
        var decisions = new Dictionary<string, MatchDecision>(StringComparer.Ordinal);
        MatchDecision Decided(string part) =>
            decisions.TryGetValue(part, out var known) ? known : decisions[part] = DecideOne(part, vectors.Get(part));

        var best = Decided(parts[0]);
        for (var i = 1; i < parts.Count; i++)
        {
            // The sentence before a question lends it a subject, never an answer the question alone was refused as a known gap.
            if (context is not null && parts[i] == context.Pair && Decided(context.Question).RefusedByGap)
            {
                continue;
            }

            var decision = Decided(parts[i]);
            if (decision.Kind == MatchKind.Answer && (best.Kind != MatchKind.Answer || decision.Confidence > best.Confidence))
            {
                best = decision;
            }
        }

        return best;
    }

    /// <summary>
    /// What is matched of a question: a short one whole. Of a long message, each part costs a model call,
    /// so semantic mode reads its last sentence, its last question with the sentence before it when that question
    /// is short, and the one other part with the strongest lexical match; lexical mode, being cheap, reads the
    /// opening and every part.
    /// </summary>
    public IReadOnlyList<string> Parts(string text) => Parts(text, ContextOf(text));

    /// <summary>A long message's short closing question with the sentence before it (<see cref="RetrievalText.QuestionInContext"/>).</summary>
    private static QuestionWithContext? ContextOf(string text) =>
        text.Length < RetrievalText.LongQuestion ? null : RetrievalText.QuestionInContext(text);

    private IReadOnlyList<string> Parts(string text, QuestionWithContext? context)
    {
        if (text.Length < RetrievalText.LongQuestion)
        {
            return [text];
        }

        var opening = text.Length <= RetrievalText.MaxWholeLength ? text : text[..RetrievalText.MaxWholeLength];
        var sentences = RetrievalText.QuestionSentences(text);
        if (sentences.Count == 0)
        {
            return [opening];
        }

        // A short question with the sentence before it, and the question itself, to know whether it alone is a known gap.
        var inContext = context is null ? [] : new[] { context.Pair, context.Question };
        if (_semantic is null)
        {
            return [opening, .. sentences, .. inContext.Except(sentences)];
        }

        var strongest = sentences.Skip(1).MaxBy(p => _lexical.Score(_rewriter.Rewrite(p)).DefaultIfEmpty().Max());
        return new[] { sentences[0] }.Concat(inContext).Concat(strongest is null ? [] : [strongest]).Distinct().ToArray();
    }

    /// <summary>What retrieval reads of a normalised message: markup removed, misspellings of FAQ words corrected.</summary>
    public string Prepare(string normalizedQuestion) => _speller.Correct(RetrievalText.Clean(normalizedQuestion));

    /// <summary>An empty set of vectors for one message, embedding as retrieval does (synonyms, subject read as "it").</summary>
    public QuestionVectors NewVectors() =>
        _semantic is null ? QuestionVectors.Lexical : new QuestionVectors(texts => _semantic.Embed(texts.Select(_rewriter.Neutral).ToArray()));

    /// <summary>True when every text's vector is ready, embedded as retrieval does (always, in lexical mode).</summary>
    public bool HasVectors(IEnumerable<string> texts) => _semantic is null || _semantic.Remembers(texts.Select(_rewriter.Neutral));

    public QueryRewriter Rewriter => _rewriter;

    /// <summary>The texts the semantic index embedded, so the cache keeps them.</summary>
    public IReadOnlyList<string> EmbeddedTexts => _semantic?.Texts ?? [];

    /// <summary>All entries, best first.</summary>
    public IReadOnlyList<Candidate> Rank(string normalizedQuestion)
    {
        var text = Prepare(normalizedQuestion);
        return Score(text, _semantic?.Embed([_rewriter.Neutral(text)])[0]).Candidates;
    }

    private MatchDecision DecideOne(string question, float[]? vector)
    {
        var scored = Score(question, vector);
        var candidates = scored.Candidates;
        var best = candidates.Count == 0 ? 0 : candidates[0].Score;
        var gapMargin = Mode == RetrievalMode.Semantic ? _options.GapMargin : 0;
        MatchDecision Decision(MatchKind kind) => new(kind, candidates, scored.Gap, scored.GapScore) { GapPhrase = scored.GapPhrase };

        // Small talk wins over entries on a tie, and over a known gap unless the gap is closer by its margin
        // ("tell me a joke" is an uncovered request, not "tell me more").
        if (scored.Intent is not null && scored.IntentScore >= Threshold && scored.IntentScore >= best
            && scored.GapScore < scored.IntentScore + gapMargin && MayBeSmallTalk(question))
        {
            return Decision(MatchKind.SmallTalk) with { Intent = scored.Intent };
        }

        // A question about another remedy by name, not about the subject, is that gap's whatever it resembles.
        var terse = IsTerse(scored.Rewritten);
        if (!terse && _otherSubject.Of(scored.Rewritten) is { } elsewhere)
        {
            return new MatchDecision(MatchKind.NoAnswer, candidates, elsewhere.Topic) { GapName = elsewhere.Name, RefusedByGap = true };
        }

        // A known gap wins only by a margin: a question an entry answers is not refused on a tie.
        var threshold = terse ? _options.TerseThreshold : Threshold;
        var gapWins = scored.GapScore >= best + gapMargin;
        if (candidates.Count == 0 || best < threshold || gapWins)
        {
            return Decision(MatchKind.NoAnswer) with { RefusedByGap = gapWins && scored.GapScore >= threshold };
        }

        var second = candidates.Count > 1 && candidates[1].Score >= threshold ? candidates[1] : null;
        var related = second is not null
            && (candidates[0].Entry.Related.Contains(second.Entry.Id) || second.Entry.Related.Contains(candidates[0].Entry.Id));
        // Two unrelated entries that score alike: both answered (each cited), or the asker chooses.
        if (second is not null && !related && best - second.Score < _options.ClarifyMargin)
        {
            return _options.Ties == TieReply.AskWhich
                ? Decision(MatchKind.Clarify)
                : Decision(MatchKind.Answer) with { Companion = second.Entry, IsTie = true };
        }

        // Two entries that belong together and score alike answer together, each with its own citations.
        var companion = related && best - second!.Score < _options.CompanionMargin ? second.Entry : null;
        return Decision(MatchKind.Answer) with { Companion = companion };
    }

    /// <summary>
    /// Small talk is short. Lexical scores of a few shared words ("good", "help") are no evidence of it, so
    /// lexical mode only considers messages of a few words.
    /// </summary>
    private bool MayBeSmallTalk(string question) =>
        Mode == RetrievalMode.Semantic || question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5;

    /// <summary>One to three words ("dose?", "safe?", "magtein vs melatonin"): too few for a confident score, so the nearest topic is offered more readily.</summary>
    private bool IsTerse(string rewritten) =>
        _lexical.Terms(rewritten).Count(t => t.Length > 1) is > 0 and <= 3;

    /// <param name="Rewritten">The question as scored: aliases of the subject rewritten (<see cref="QueryRewriter.Rewrite"/>).</param>
    private sealed record Scored(string Rewritten, IReadOnlyList<Candidate> Candidates, NotCoveredTopic? Gap, double GapScore, SmallTalkIntent? Intent, double IntentScore)
    {
        public string GapPhrase { get; init; } = "";
    }

    private Scored Score(string text, float[]? vector)
    {
        var question = _rewriter.Rewrite(text);
        if (question.Length == 0 || _entries.Count == 0)
        {
            return new Scored(question, [], null, 0, null, 0);
        }

        var lexical = _lexical.Score(question);
        var semantic = vector is null ? null : _semantic?.Score(vector);
        var familiarity = Familiarity(question);
        double Blend(int i) => semantic is null
            ? lexical[i]
            : ((1 - LexicalWeightInSemanticMode) * semantic[i].Score) + (LexicalWeightInSemanticMode * lexical[i]);

        var candidates = new Candidate[_entries.Count];
        for (var i = 0; i < _entries.Count; i++)
        {
            candidates[i] = new Candidate(_entries[i], Blend(i) * familiarity, semantic?[i].Score ?? 0, lexical[i], semantic?[i].Closest ?? "");
        }

        var (gap, gapScore, gapIndex) = Best(_gaps, _entries.Count, Blend);
        var (intent, intentScore, _) = Best(_intents, _entries.Count + _gaps.Count, Blend);
        return new Scored(question, candidates.OrderByDescending(c => c.Score).ToArray(), gap, gapScore, intent, intentScore)
        {
            GapPhrase = gap is null || semantic is null ? "" : semantic[gapIndex].Closest,
        };
    }

    private static (T? Item, double Score, int Index) Best<T>(IReadOnlyList<T> items, int offset, Func<int, double> score)
        where T : class
    {
        T? best = null;
        var bestScore = 0.0;
        var bestIndex = -1;
        for (var i = 0; i < items.Count; i++)
        {
            var value = score(offset + i);
            if (value > bestScore)
            {
                (best, bestScore, bestIndex) = (items[i], value, offset + i);
            }
        }

        return (best, bestScore, bestIndex);
    }

    /// <summary>1 when every content word of the question occurs in the FAQ; less for each word it never uses.</summary>
    private double Familiarity(string question)
    {
        var terms = _lexical.Terms(question).Where(t => t.Length > 2 && !t.All(char.IsDigit)).Distinct().ToArray();
        if (terms.Length == 0)
        {
            return 1;
        }

        var unknown = terms.Count(t => !_lexical.Vocabulary.Contains(t));
        return 1 - (0.5 * unknown / terms.Length);
    }
}
