using ChatBot.Core.Moderation;
using ChatBot.Core.Replies;
using ChatBot.Discord.Configuration;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Sending;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Moderation;

/// <summary>
/// The Discord moderator channel (<see cref="DiscordOptions.ModeratorChannelId"/>): a notice is rendered like any
/// reply, without buttons, and sent through the one send path with the post id as its nonce.
/// </summary>
internal sealed class DiscordModeratorChannel(ReplyRenderer renderer, DiscordMessenger messenger, IOptions<DiscordOptions> options) : IModeratorChannel
{
    public string Platform => "Discord";

    public string? ChannelId => options.Value.ModeratorChannelId;

    public Task PostAsync(Reply notice, string postId, CancellationToken cancellationToken) =>
        messenger.SendAsync(ChannelId!, null, postId, renderer.Render(notice, withButtons: false), cancellationToken);
}
