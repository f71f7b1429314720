using ChatBot.Core.Answering;
using ChatBot.Core.Operations;
using ChatBot.Core.Replies;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Conversations;

/// <summary>
/// Where every question from people arrives, on every platform and the console: fair use first (an urgent red
/// flag is answered whatever the limit), then the question — read with the previous one when it is a short
/// follow-up in the same conversation — and the turn remembered for the next follow-up.
/// </summary>
public sealed class QuestionDesk(IAnswerEngine engine, FairUseLimiter limiter, ConversationMemory memory, ChatBotMetrics metrics, IOptions<ConversationOptions> options, TimeProvider time)
{
    private readonly ConversationOptions _options = options.Value;

    /// <summary>The reply, or null when the asker is over the limit and was already told (say nothing).</summary>
    public Reply? Ask(string question, AskContext context)
    {
        var admission = Admit(question, context);
        return admission.Admitted ? Answer(question, context) : admission.Refusal;
    }

    /// <summary>
    /// Fair use alone, before any answering, for adapters that must choose how to respond first (a Discord slash
    /// command deferred in public could not carry a private notice): admitted, or the notice (null: silence).
    /// </summary>
    public Admission Admit(string question, AskContext context)
    {
        if (context.Exempt || context.UserId is null)
        {
            return Admission.Yes;
        }

        var decision = limiter.Check($"{context.Platform}:{context.UserId}", context.Channel is null ? null : $"{context.Platform}:{context.Channel}");
        if (decision.Verdict == FairUseVerdict.Allowed || engine.IsUrgent(question))
        {
            return Admission.Yes;
        }

        metrics.Limited(context.Platform);
        var claimed = limiter.TryClaimNotice(decision);
        if (!claimed && !context.MustReply)
        {
            return new Admission(false, null);
        }

        var notice = engine.RateLimited(decision.RetryAfter);
        metrics.Answered(context.Platform, notice, TimeSpan.Zero);
        return new Admission(false, notice);
    }

    /// <summary>Answers a question fair use admitted (see <see cref="Admit"/>).</summary>
    public Reply Answer(string question, AskContext context)
    {
        var started = time.GetTimestamp();
        var previous = PreviousTurn(question, context);
        var reply = previous is null ? engine.Ask(question, context) : engine.AskFollowUp(question, context, previous);
        if (_options.FollowUps && context.Conversation is not null && context.UserId is not null && reply.EntryId is not null && reply.Choices.Count == 0)
        {
            // A follow-up read with its question keeps that question as the topic, so the context never grows.
            memory.Remember(context.Conversation, context.UserId, reply.ReadWith ?? question, reply.EntryId);
        }

        metrics.Answered(context.Platform, reply, time.GetElapsedTime(started));
        return reply;
    }

    private ConversationTurn? PreviousTurn(string question, AskContext context) =>
        _options.FollowUps && context.Conversation is not null && context.UserId is not null && WordCount(question) <= _options.MaxFollowUpWords
            ? memory.Previous(context.Conversation, context.UserId)
            : null;

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
