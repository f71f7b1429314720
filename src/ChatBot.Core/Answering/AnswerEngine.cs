using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Text;

namespace ChatBot.Core.Answering;

/// <summary>normalise → safety triage → retrieval → composition, all against one knowledge snapshot.</summary>
public sealed class AnswerEngine(KnowledgeStore store, IQuestionObserver observer) : IAnswerEngine
{
    public Reply Ask(string question, AskContext context)
    {
        var snapshot = store.Current;
        var normalized = QuestionNormalizer.Normalize(question);
        var reply = Answer(snapshot, normalized);
        observer.Answered(new AnsweredQuestion(normalized, context, reply));
        return reply;
    }

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

        var decision = snapshot.Retriever.DecidePrepared(text, vectors);
        return decision.Kind switch
        {
            MatchKind.Answer => composer.Answer(decision.Candidates[0].Entry, decision.Confidence, flags, decision.Companion),
            MatchKind.SmallTalk => composer.SmallTalk(decision.Intent!, decision.Confidence, flags),
            MatchKind.Clarify => composer.Clarify(decision.Candidates[0].Entry, decision.Candidates[1].Entry, decision.Confidence, flags),
            _ => composer.NoAnswer(decision.Confidence, flags, englishOnlyNote: !LanguageGuess.IsLikelyEnglish(question)),
        };
    }
}
