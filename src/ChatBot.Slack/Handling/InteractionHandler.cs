using System.Text.Json;
using ChatBot.Core.Answering;
using ChatBot.Core.Feedback;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.Sending;
using static ChatBot.Slack.Dispatch.SlackInbound;

namespace ChatBot.Slack.Handling;

/// <summary>Button clicks: a related question answers that FAQ entry; 👍/👎 is recorded and thanked privately.</summary>
public sealed class InteractionHandler
{
    private readonly SafeAnswers _answers;
    private readonly SlackSender _sender;
    private readonly ReplyDelivery _delivery;
    private readonly IFeedbackSink _feedback;
    private readonly TimeProvider _time;

    public InteractionHandler(SafeAnswers answers, SlackSender sender, ReplyDelivery delivery, IFeedbackSink feedback, TimeProvider time)
    {
        _answers = answers;
        _sender = sender;
        _delivery = delivery;
        _feedback = feedback;
        _time = time;
    }

    public async Task HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (Str(payload, "type") != "block_actions" || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var user = payload.TryGetProperty("user", out var u) ? Str(u, "id") : null;
        var container = payload.TryGetProperty("container", out var c) ? c : default;
        var channel = Str(container, "channel_id") ?? (payload.TryGetProperty("channel", out var ch) ? Str(ch, "id") : null);
        var messageTs = Str(container, "message_ts");
        var threadTs = (payload.TryGetProperty("message", out var m) ? Str(m, "thread_ts") : null) ?? messageTs;
        var ephemeral = container.ValueKind == JsonValueKind.Object && container.TryGetProperty("is_ephemeral", out var e) && e.ValueKind == JsonValueKind.True;
        var responseUrl = Uri.TryCreate(Str(payload, "response_url"), UriKind.Absolute, out var url) ? url : null;

        foreach (var action in actions.EnumerateArray())
        {
            var actionId = Str(action, "action_id") ?? "";
            var value = Str(action, "value") ?? "";
            if (actionId.StartsWith(ActionIds.RelatedPrefix, StringComparison.Ordinal))
            {
                var isPublic = channel is not null && !ReplyDelivery.IsDirectMessage(channel);
                var reply = _answers.Run(engine => engine.ShowEntry(value, new AskContext(SafeAnswers.Platform, user, isPublic && !ephemeral)));
                if (!ephemeral && channel is not null && user is not null)
                {
                    await _delivery.DeliverAsync(channel, user, threadTs, reply, cancellationToken, responseUrl).ConfigureAwait(false);
                }
                else if (responseUrl is not null)
                {
                    await _sender.RespondAsync(responseUrl, reply, inChannel: false, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (actionId is ActionIds.FeedbackUp or ActionIds.FeedbackDown)
            {
                var (replyId, entryId) = ActionIds.ParseFeedbackValue(value);
                var record = new FeedbackRecord(SafeAnswers.Platform, user, replyId, entryId, actionId == ActionIds.FeedbackUp, _time.GetUtcNow());
                await _feedback.RecordAsync(record, cancellationToken).ConfigureAwait(false);
                var thanks = _answers.Run(engine => engine.Notice(NoticeKind.FeedbackThanks));
                if (responseUrl is not null)
                {
                    await _sender.RespondAsync(responseUrl, thanks, inChannel: false, cancellationToken).ConfigureAwait(false);
                }
                else if (channel is not null && user is not null)
                {
                    await _sender.PostEphemeralAsync(channel, user, threadTs, thanks, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
