using ChatBot.Core.Answering;
using ChatBot.Core.Delivery;
using ChatBot.Core.Operations;
using ChatBot.Core.Replies;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Sending;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Handling;

/// <summary>
/// Posts a reply into a conversation. In a public channel a reply that raised a safety flag becomes a
/// brief public notice plus the full guidance as an ephemeral message to the asker only. Sends go on the
/// channel's lane (<see cref="SendLanes"/>): a channel waiting on Slack's rate limit, or on its pacing
/// (<c>Slack:ChannelPostInterval</c>, kept by the API client), holds up no other channel or DM, and an urgent
/// reply goes ahead of ordinary ones queued for its channel.
/// </summary>
public sealed partial class ReplyDelivery
{
    private readonly SlackSender _sender;
    private readonly SafeAnswers _answers;
    private readonly SendLanes _lanes;
    private readonly FatalPlatformSignal _fatal;
    private readonly SlackOptions _options;
    private readonly ILogger<ReplyDelivery> _logger;

    public ReplyDelivery(SlackSender sender, SafeAnswers answers, SendLanes lanes, FatalPlatformSignal fatal, IOptions<SlackOptions> options, ILogger<ReplyDelivery> logger)
    {
        _sender = sender;
        _answers = answers;
        _lanes = lanes;
        _fatal = fatal;
        _options = options.Value;
        _logger = logger;
    }

    public static bool IsDirectMessage(string channel) => channel.StartsWith('D');

    public bool SendPrivately(Reply reply, bool isPublic) => isPublic && _options.PublicSafetyMode && reply.Safety.Count > 0;

    /// <summary>
    /// Queues the reply on its channel's lane and returns at once. Where the bot is not a member of the
    /// channel (a button under a slash command's in-channel reply), Slack refuses the post with
    /// <c>not_in_channel</c>; <paramref name="responseUrl"/>, when given, carries the reply instead.
    /// <paramref name="undelivered"/> is called when no part of the reply could go out (see <see cref="DeliveryAttempt"/>).
    /// </summary>
    public Task DeliverAsync(string channel, string user, string? threadTs, Reply reply, CancellationToken cancellationToken, Uri? responseUrl = null, Func<Task>? undelivered = null)
    {
        var attempt = new DeliveryAttempt(undelivered);
        if (SendPrivately(reply, !IsDirectMessage(channel)))
        {
            var notice = _answers.Run(e => e.Notice(NoticeKind.SafetyGuidanceSentPrivately));
            Post(channel, reply.HasUrgentSafety, attempt, async ct =>
            {
                if (NotInChannel(await attempt.PostAsync(_sender.PostMessageAsync(channel, threadTs, notice, ct)).ConfigureAwait(false)) && responseUrl is not null)
                {
                    return await attempt.PostAsync(_sender.RespondAsync(responseUrl, reply, inChannel: false, ct)).ConfigureAwait(false);
                }

                return await attempt.PostAsync(_sender.PostEphemeralAsync(channel, user, threadTs, reply, ct)).ConfigureAwait(false);
            }, cancellationToken);
            return Task.CompletedTask;
        }

        Post(channel, reply.HasUrgentSafety, attempt, async ct =>
        {
            var posted = await attempt.PostAsync(_sender.PostMessageAsync(channel, threadTs, reply, ct)).ConfigureAwait(false);
            return NotInChannel(posted) && responseUrl is not null
                ? await attempt.PostAsync(_sender.RespondAsync(responseUrl, reply, inChannel: true, ct)).ConfigureAwait(false)
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
