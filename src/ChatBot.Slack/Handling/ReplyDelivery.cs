using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Sending;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Handling;

/// <summary>
/// Posts a reply into a conversation. In a public channel a reply that raised a safety flag becomes a
/// brief public notice plus the full guidance as an ephemeral message to the asker only.
/// </summary>
public sealed class ReplyDelivery
{
    private readonly SlackSender _sender;
    private readonly SafeAnswers _answers;
    private readonly SlackOptions _options;

    public ReplyDelivery(SlackSender sender, SafeAnswers answers, IOptions<SlackOptions> options)
    {
        _sender = sender;
        _answers = answers;
        _options = options.Value;
    }

    public static bool IsDirectMessage(string channel) => channel.StartsWith('D');

    public bool SendPrivately(Reply reply, bool isPublic) => isPublic && _options.PublicSafetyMode && reply.Safety.Count > 0;

    public async Task DeliverAsync(string channel, string user, string? threadTs, Reply reply, CancellationToken cancellationToken)
    {
        if (SendPrivately(reply, !IsDirectMessage(channel)))
        {
            var notice = _answers.Run(e => e.Notice(NoticeKind.SafetyGuidanceSentPrivately));
            await _sender.PostMessageAsync(channel, threadTs, notice, cancellationToken).ConfigureAwait(false);
            await _sender.PostEphemeralAsync(channel, user, threadTs, reply, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _sender.PostMessageAsync(channel, threadTs, reply, cancellationToken).ConfigureAwait(false);
    }
}
