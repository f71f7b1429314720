using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Text;

namespace ChatBot.Core.Answering;

/// <summary>
/// normalise → safety triage → retrieval → composition, all against one knowledge snapshot. Questions queued behind
/// the one asked (<paramref name="ahead"/>) are embedded together with it first.
/// </summary>
public sealed class AnswerEngine(KnowledgeStore store, IQuestionObserver observer, QuestionsAhead? ahead = null) : IAnswerEngine
{
    public Reply Ask(string question, AskContext context)
    {
        var snapshot = store.Current;
        var normalized = QuestionNormalizer.Normalize(question);
        ahead?.EmbedWith(snapshot, normalized);
        var reply = Answer(snapshot, normalized);
        observer.Answered(new AnsweredQuestion(normalized, context, reply));
        return reply;
    }

    public Reply AskFollowUp(string question, AskContext context, ConversationTurn previous)
    {
        var snapshot = store.Current;
        var normalized = QuestionNormalizer.Normalize(question);
        ahead?.EmbedWith(snapshot, normalized);
        var reply = FollowUp(snapshot, normalized, previous);
        observer.Answered(new AnsweredQuestion(normalized, context, reply));
        return reply;
    }

    public bool IsUrgent(string question)
    {
        var snapshot = store.Current;
        var normalized = QuestionNormalizer.Normalize(question);
        return normalized.Any(char.IsLetterOrDigit) && snapshot.Triage(normalized, snapshot.Retriever.NewVectors()).IsUrgent;
    }

    public Reply RateLimited(TimeSpan retryAfter) => store.Current.Composer.RateLimited(retryAfter);

    public Reply ShowEntry(string entryId, AskContext context)
    {
        var snapshot = store.Current;
        var entry = snapshot.Knowledge.Find(entryId);
        return entry is null
            ? snapshot.Composer.NoAnswer(0, [])
            : snapshot.Composer.Answer(entry, 1, []);
    }

    public IReadOnlyList<RelatedQuestion> ListTopics() =>
        store.Current.Knowledge.Entries.Select(e => new RelatedQuestion(e.Id, e.Question)).ToArray();

    public IReadOnlyList<RelatedQuestion> SuggestTopics(string partial, int max)
    {
        var snapshot = store.Current;
        var text = QuestionNormalizer.Normalize(partial);
        var entries = text.Length == 0
            ? snapshot.Knowledge.Entries
            : snapshot.Retriever.Rank(text).Select(c => c.Entry).ToArray();
        return entries.Take(max).Select(e => new RelatedQuestion(e.Id, e.Question)).ToArray();
    }

    public Reply About() => store.Current.Composer.Notice(store.Current.Knowledge.Bot.Messages.About);

    public Reply Notice(NoticeKind kind)
    {
        var snapshot = store.Current;
        var messages = snapshot.Knowledge.Bot.Messages;
        return snapshot.Composer.Notice(kind switch
        {
            NoticeKind.Refusal => messages.Refusal,
            NoticeKind.FeedbackThanks => messages.FeedbackThanks,
            NoticeKind.SafetyGuidanceSentPrivately => messages.SafetySentPrivately,
            NoticeKind.SafetyGuidanceUndeliverable => messages.SafetyDirectMessagesClosed,
            _ => messages.Error,
        });
    }

    public Reply Info(string botText) => store.Current.Composer.Notice(botText);

    /// <summary>The reply one snapshot gives a normalised question: what users get, and what the moderators' tests check.</summary>
    /// <param name="vectors">Embeddings already made (a batch of test messages embedded together); null makes them here.</param>
    public static Reply Answer(KnowledgeSnapshot snapshot, string question, QuestionVectors? vectors = null)
    {
        var composer = snapshot.Composer;
        if (!question.Any(char.IsLetterOrDigit))
        {
            return composer.Empty();
        }

        vectors ??= snapshot.Retriever.NewVectors();
        // Prepared once (markup removed, misspellings corrected) and read by both triage and retrieval.
        var text = snapshot.Retriever.Prepare(question);
        var assessment = snapshot.Triage(question, text, vectors);
        var flags = assessment.Flags.Select(f => f.Category).ToArray();
        if (assessment.IsUrgent)
        {
            return composer.Urgent(flags);
        }

        var (decision, readAs) = Decide(snapshot, question, text, vectors);
        return Compose(snapshot, question, decision, flags, readAs);
    }

    /// <summary>
    /// Retrieval's decision on a prepared message. A message in another language that is not understood as written is
    /// read again as the glossary renders it in English; when that reading is understood, it decides, and is returned
    /// so the reply can show it.
    /// </summary>
    private static (MatchDecision Decision, string? ReadAs) Decide(KnowledgeSnapshot snapshot, string question, string text, QuestionVectors vectors)
    {
        var decision = snapshot.Retriever.DecidePrepared(text, vectors);
        if (IsUnderstood(decision) || snapshot.Safety.EnglishReading(question, text) is not { } reading)
        {
            return (decision, null);
        }

        var read = snapshot.Retriever.DecidePrepared(snapshot.Retriever.Prepare(reading), vectors);
        return IsUnderstood(read) ? (read, reading) : (decision, null);
    }

    private static bool IsUnderstood(MatchDecision decision) => decision.Kind is MatchKind.Answer or MatchKind.SmallTalk;

    /// <summary>Small-talk intents that, right after an answer, ask about that answer.</summary>
    public const string SourcesIntent = "source";

    public const string MoreIntent = "more";

    /// <summary>
    /// A short message after an answer, read with it: "source?" gives that answer's quotes, "tell me more" its
    /// related questions, and a question not answered alone that is answered together with the previous one
    /// is answered as that combination, saying so. Triage reads the message alone and the combination, so the
    /// previous question can add a red flag and never remove one.
    /// </summary>
    public static Reply FollowUp(KnowledgeSnapshot snapshot, string message, ConversationTurn previous)
    {
        var entry = snapshot.Knowledge.Find(previous.EntryId);
        if (entry is null || !message.Any(char.IsLetterOrDigit))
        {
            return Answer(snapshot, message);
        }

        var composer = snapshot.Composer;
        var vectors = snapshot.Retriever.NewVectors();
        var text = snapshot.Retriever.Prepare(message);
        var alone = snapshot.Triage(message, text, vectors);
        var flags = alone.Flags.Select(f => f.Category).ToList();
        if (alone.IsUrgent)
        {
            return composer.Urgent(flags);
        }

        var (decision, readAs) = Decide(snapshot, message, text, vectors);
        switch (decision.Intent?.Id)
        {
            case SourcesIntent:
                return composer.Sources(entry, flags);
            case MoreIntent:
                return composer.More(entry, flags);
        }

        // Understood alone: answered alone (and no second retrieval spent on it).
        if (IsUnderstood(decision))
        {
            return Compose(snapshot, message, decision, flags, readAs);
        }

        var together = QuestionNormalizer.Normalize(previous.Question + " " + message);
        var togetherText = snapshot.Retriever.Prepare(together);
        var combined = snapshot.Retriever.DecidePrepared(togetherText, vectors);
        if (combined.Kind != MatchKind.Answer)
        {
            return Compose(snapshot, message, decision, flags);
        }

        var context = snapshot.Triage(together, togetherText, vectors);
        flags.AddRange(context.Flags.Select(f => f.Category).Where(c => !flags.Contains(c)));
        return context.IsUrgent
            ? composer.Urgent(flags)
            : composer.Answer(combined.Candidates[0].Entry, combined.Confidence, flags, combined.Companion, readWith: previous.Question) with { Tied = combined.IsTie };
    }

    private static Reply Compose(KnowledgeSnapshot snapshot, string question, MatchDecision decision, IReadOnlyList<SafetyCategory> flags, string? readAs = null)
    {
        var composer = snapshot.Composer;
        return decision.Kind switch
        {
            MatchKind.Answer => composer.Answer(decision.Candidates[0].Entry, decision.Confidence, flags, decision.Companion, readAs: readAs) with { Tied = decision.IsTie },
            MatchKind.SmallTalk => composer.SmallTalk(decision.Intent!, decision.Confidence, flags),
            MatchKind.Clarify => composer.Clarify(decision.Candidates[0].Entry, decision.Candidates[1].Entry, decision.Confidence, flags),
            _ => composer.NoAnswer(decision.Confidence, flags, englishOnlyNote: !LanguageGuess.IsLikelyEnglish(question)),
        };
    }
}
