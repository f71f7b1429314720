using ChatBot.Core.Answering;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.Moderation;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Handling;

/// <summary>
/// <c>app_mention</c> → threaded reply; <c>message</c> in a DM → reply. Anything from a bot or from us is
/// ignored (the self-reply loop), and so is every subtype except what a person writes: a message with a
/// file (<c>file_share</c>) and a thread reply also sent to the channel (<c>thread_broadcast</c>). Edits,
/// deletions, joins and bot messages are not questions.
/// </summary>
public sealed class SlackEventHandler(SafeAnswers answers, ReplyDelivery delivery, SlackIdentity identity, ModeratorCheck moderators)
{
    private readonly SafeAnswers _answers = answers;
    private readonly ReplyDelivery _delivery = delivery;
    private readonly SlackIdentity _identity = identity;
    private readonly ModeratorCheck _moderators = moderators;

    /// <param name="undelivered">Called when the reply could not go out at all, so Slack's redelivery of the event is answered.</param>
    public async Task HandleAsync(IncomingEvent ev, SlackConversation? where, Func<Task>? undelivered, CancellationToken cancellationToken)
    {
        if (QuestionIn(ev, where) is not { } question || ev.User is not { } user || where is null)
        {
            return;
        }

        var context = new AskContext(SafeAnswers.Platform, user, where.IsPublic)
        {
            Channel = where.Channel,
            Conversation = $"slack:{where.Channel}:{where.ThreadTs ?? "dm"}",
            Exempt = _moderators.IsKnownModerator(user),
        };
        if (_answers.Ask(question, context) is not { } reply)
        {
            return;
        }

        await _delivery.DeliverAsync(where, user, reply, cancellationToken, undelivered: undelivered).ConfigureAwait(false);
    }

    /// <summary>The question a person asks the bot in this event, as Core is asked it; null when the event asks nothing.</summary>
    public string? QuestionIn(IncomingEvent ev, SlackConversation? where)
    {
        if (IsNoise(ev) || where is null)
        {
            return null;
        }

        var isMention = ev.Type == "app_mention";
        var isDm = ev.Type == "message" && where.IsDirectMessage;
        return isMention || isDm ? SlackText.ToPlainQuestion(ev.Text, _identity.UserId) : null;
    }

    private static readonly HashSet<string> PersonSubtypes = new(StringComparer.Ordinal) { "file_share", "thread_broadcast" };

    private bool IsNoise(IncomingEvent ev) =>
        ev.BotId is not null
        || (ev.Subtype is not null && !PersonSubtypes.Contains(ev.Subtype))
        || ev.User is null
        || ev.User == _identity.UserId;
}
