using ChatBot.Core.Answering;
using ChatBot.Core.Feedback;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.Sending;

namespace ChatBot.Slack.Handling;

/// <summary>Button clicks: a related question answers that FAQ entry; 👍/👎 is recorded and thanked privately.</summary>
public sealed class InteractionHandler(
    SafeAnswers answers,
    SlackSender sender,
    ReplyDelivery delivery,
    IFeedbackSink feedback,
    TimeProvider time)
{
    private readonly SafeAnswers _answers = answers;
    private readonly SlackSender _sender = sender;
    private readonly ReplyDelivery _delivery = delivery;
    private readonly IFeedbackSink _feedback = feedback;
    private readonly TimeProvider _time = time;

    public async Task HandleAsync(IncomingBlockActions click, SlackConversation? where, CancellationToken cancellationToken)
    {
        if (click.Type != "block_actions" || click.Actions is not { } actions)
        {
            return;
        }

        var user = click.User?.Id;
        var responseUrl = Uri.TryCreate(click.ResponseUrl, UriKind.Absolute, out var url) ? url : null;
        foreach (var action in actions)
        {
            var actionId = action.ActionId ?? "";
            var value = action.Value ?? "";
            if (actionId.StartsWith(ActionIds.RelatedPrefix, StringComparison.Ordinal))
            {
                var reply = _answers.Run(engine => engine.ShowEntry(value, new AskContext(SafeAnswers.Platform, user, where?.IsPublic == true)));
                if (click.Container?.IsEphemeral != true && where is not null && user is not null)
                {
                    await _delivery.DeliverAsync(where, user, reply, cancellationToken, responseUrl).ConfigureAwait(false);
                }
                else if (responseUrl is not null)
                {
                    // A button on an ephemeral message: its answer is for the asker alone too.
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
                else if (where is not null && user is not null)
                {
                    await _sender.PostEphemeralAsync(where.Channel, user, where.ThreadTs, thanks, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
