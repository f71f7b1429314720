using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Answering;

/// <summary>
/// The platform-neutral question → reply engine. Every reply it returns, whatever the outcome,
/// carries at least one caveat and the see-a-doctor advice.
/// </summary>
public interface IAnswerEngine
{
    /// <summary>Answers a free-text question: normalise → safety triage → retrieval → composition.</summary>
    Reply Ask(string question, AskContext context);

    /// <summary>A short message read together with the previous answered question of the same conversation ("source?", "and for kids?").</summary>
    Reply AskFollowUp(string question, AskContext context, ConversationTurn previous);

    /// <summary>True when the message raises a red flag that replaces the answer: it is answered whatever the fair-use limit.</summary>
    bool IsUrgent(string question);

    /// <summary>The one notice for someone over the fair-use limit.</summary>
    Reply RateLimited(TimeSpan retryAfter);

    /// <summary>Shows one FAQ entry (a topic pick or a related-question button). Unknown ids give a no-answer reply.</summary>
    Reply ShowEntry(string entryId, AskContext context);

    /// <summary>All FAQ topics, in FAQ order.</summary>
    IReadOnlyList<RelatedQuestion> ListTopics();

    /// <summary>Topics whose question best matches a partial text, for autocomplete. Empty text lists the first ones.</summary>
    IReadOnlyList<RelatedQuestion> SuggestTopics(string partial, int max);

    /// <summary>What the bot is, its single source, and the disclaimer.</summary>
    Reply About();

    /// <summary>A message of the bot's own kind (error, refusal, thanks…).</summary>
    Reply Notice(NoticeKind kind);

    /// <summary>A message written by the bot itself (e.g. a moderator status report). Never pass user text here.</summary>
    Reply Info(string botText);
}
