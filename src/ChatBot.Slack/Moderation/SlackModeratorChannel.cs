using ChatBot.Core.Moderation;
using ChatBot.Core.Replies;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Sending;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Moderation;

/// <summary>The Slack moderator channel (<see cref="SlackOptions.ModeratorChannelId"/>): a notice is posted like any reply, through the one send path.</summary>
public sealed class SlackModeratorChannel(SlackSender sender, IOptions<SlackOptions> options) : IModeratorChannel
{
    public string Platform => "Slack";

    public string? ChannelId => options.Value.ModeratorChannelId;

    /// <summary>Slack has no post id to deduplicate on; <c>ok:false</c> answers (<c>not_in_channel</c>, …) are logged by the API client with the fix.</summary>
    public Task PostAsync(Reply notice, string postId, CancellationToken cancellationToken) =>
        sender.PostMessageAsync(ChannelId!, null, notice, cancellationToken);
}
