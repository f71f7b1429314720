using System.Text.Json;
using ChatBot.Core.Answering;
using ChatBot.Slack.Moderation;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.WebApi;
using static ChatBot.Slack.Dispatch.SlackInbound;

namespace ChatBot.Slack.Handling;

/// <summary>
/// <c>app_mention</c> → threaded reply; <c>message</c> in a DM → reply. Anything from a bot or from us is
/// ignored (the self-reply loop), and so is every subtype except what a person writes: a message with a
/// file (<c>file_share</c>) and a thread reply also sent to the channel (<c>thread_broadcast</c>). Edits,
/// deletions, joins and bot messages are not questions.
/// </summary>
public sealed class SlackEventHandler
{
    private readonly SafeAnswers _answers;
    private readonly ReplyDelivery _delivery;
    private readonly SlackIdentity _identity;
    private readonly ModeratorCheck _moderators;

    public SlackEventHandler(SafeAnswers answers, ReplyDelivery delivery, SlackIdentity identity, ModeratorCheck moderators)
    {
        _answers = answers;
        _delivery = delivery;
        _identity = identity;
        _moderators = moderators;
    }

    /// <param name="undelivered">Called when the reply could not go out at all, so Slack's redelivery of the event is answered.</param>
    public async Task HandleAsync(JsonElement payload, Func<Task>? undelivered, CancellationToken cancellationToken)
    {
        if (!payload.TryGetProperty("event", out var ev) || ev.ValueKind != JsonValueKind.Object || IsNoise(ev))
        {
            return;
        }

        var user = Str(ev, "user")!;
        var channel = Str(ev, "channel");
        var ts = Str(ev, "ts");
        var type = Str(ev, "type");
        var isMention = type == "app_mention";
        var isDm = type == "message" && Str(ev, "channel_type") == "im";
        if (channel is null || !(isMention || isDm))
        {
            return;
        }

        var isPublic = !ReplyDelivery.IsDirectMessage(channel);
        var threadTs = Str(ev, "thread_ts") ?? (isPublic ? ts : null);
        var question = SlackText.ToPlainQuestion(Str(ev, "text"), _identity.UserId);
        var context = new AskContext(SafeAnswers.Platform, user, isPublic)
        {
            Channel = channel,
            Conversation = $"slack:{channel}:{threadTs ?? "dm"}",
            Exempt = _moderators.IsKnownModerator(user),
        };
        if (_answers.Ask(question, context) is not { } reply)
        {
            return;
        }

        await _delivery.DeliverAsync(channel, user, threadTs, reply, cancellationToken, undelivered: undelivered).ConfigureAwait(false);
    }

    private static readonly HashSet<string> PersonSubtypes = new(StringComparer.Ordinal) { "file_share", "thread_broadcast" };

    private bool IsNoise(JsonElement ev) =>
        ev.TryGetProperty("bot_id", out _)
        || (ev.TryGetProperty("subtype", out var subtype) && !(subtype.ValueKind == JsonValueKind.String && PersonSubtypes.Contains(subtype.GetString()!)))
        || Str(ev, "user") is not { } user
        || user == _identity.UserId;
}
