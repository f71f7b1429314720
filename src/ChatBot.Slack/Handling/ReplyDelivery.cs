using ChatBot.Core.Delivery;
using ChatBot.Core.Operations;
using ChatBot.Core.Replies;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.Sending;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Handling;

/// <summary>
/// Posts a reply into a conversation as Core's <see cref="DeliveryPlan"/> says: what goes where it was asked
/// as a message, what is for the asker alone as an ephemeral message to them. Sends go on the
/// channel's lane (<see cref="SendLanes"/>): a channel waiting on Slack's rate limit, or on its pacing
/// (<c>Slack:ChannelPostInterval</c>, kept by the API client), holds up no other channel or DM, and an urgent
/// reply goes ahead of ordinary ones queued for its channel.
/// </summary>
public sealed partial class ReplyDelivery(
    SlackSender sender,
    DeliveryPlanner planner,
    SendLanes lanes,
    FatalPlatformSignal fatal,
    ILogger<ReplyDelivery> logger)
{
    private readonly SlackSender _sender = sender;
    private readonly DeliveryPlanner _planner = planner;
    private readonly SendLanes _lanes = lanes;
    private readonly FatalPlatformSignal _fatal = fatal;
    private readonly ILogger<ReplyDelivery> _logger = logger;

    /// <summary>
    /// Queues the reply on its channel's lane and returns at once. Where the bot is not a member of the
    /// channel (a button under a slash command's in-channel reply), Slack refuses the post with
    /// <c>not_in_channel</c>; <paramref name="responseUrl"/>, when given, carries the reply instead.
    /// <paramref name="undelivered"/> is called when no part of the reply could go out (see <see cref="DeliveryAttempt"/>).
    /// </summary>
    public Task DeliverAsync(SlackConversation where, string user, Reply reply, CancellationToken cancellationToken, Uri? responseUrl = null, Func<Task>? undelivered = null)
    {
        var (channel, threadTs) = (where.Channel, where.ThreadTs);
        var plan = _planner.Plan(reply, where.Place);
        var attempt = new DeliveryAttempt(undelivered);
        if (plan.ToAskerOnly is { } privately)
        {
            Post(channel, plan.IsUrgent, attempt, async ct =>
            {
                if (NotInChannel(await attempt.PostAsync(_sender.PostMessageAsync(channel, threadTs, plan.WhereAsked, ct)).ConfigureAwait(false)) && responseUrl is not null)
                {
                    return await attempt.PostAsync(_sender.RespondAsync(responseUrl, privately, inChannel: false, ct)).ConfigureAwait(false);
                }

                return await attempt.PostAsync(_sender.PostEphemeralAsync(channel, user, threadTs, privately, ct)).ConfigureAwait(false);
            }, cancellationToken);
            return Task.CompletedTask;
        }

        Post(channel, plan.IsUrgent, attempt, async ct =>
        {
            var posted = await attempt.PostAsync(_sender.PostMessageAsync(channel, threadTs, plan.WhereAsked, ct)).ConfigureAwait(false);
            return NotInChannel(posted) && responseUrl is not null
                ? await attempt.PostAsync(_sender.RespondAsync(responseUrl, plan.WhereAsked, inChannel: true, ct)).ConfigureAwait(false)
                : posted;
        }, cancellationToken);
        return Task.CompletedTask;
    }

    private static bool NotInChannel(SlackApiResponse response) => !response.Ok && response.Error is "not_in_channel" or "channel_not_found";

    private void Post(string channel, bool urgent, DeliveryAttempt attempt, Func<CancellationToken, Task<SlackApiResponse>> send, CancellationToken cancellationToken) =>
        _lanes.Post("slack:" + channel, urgent, async ct =>
        {
            SlackApiResponse last;
            try
            {
                last = await send(ct).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                await attempt.FailedAsync(exception).ConfigureAwait(false);
                throw;
            }

            await attempt.EndedAsync(last).ConfigureAwait(false);
        }, exception =>
        {
            if (exception is LaneFullException)
            {
                // Never sent: the lane refused it before any post. The callback only forgets keys; it does not throw.
                _ = attempt.FailedAsync(exception);
            }

            Failed(exception);
        }, cancellationToken);

    private void Failed(Exception exception)
    {
        if (exception is FatalPlatformException fatal)
        {
            _fatal.Raise(fatal);
            return;
        }

        LogSendFailed(exception);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack: sending a reply failed.")]
    private partial void LogSendFailed(Exception exception);
}
