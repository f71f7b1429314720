using ChatBot.Core.Delivery;
using ChatBot.Slack.Handling;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Where a piece of Slack work came from, worked out once when it is decoded and used by every handler:
/// the channel, the thread a reply goes in, whether it is a DM, and whether others see what is posted there.
/// </summary>
/// <param name="IsPublic">Others see a reply posted here: a channel, not a DM, and not a button on an ephemeral message.</param>
public sealed record SlackConversation(string Channel, string? ThreadTs, bool IsDirectMessage, bool IsPublic)
{
    private const string DirectMessageChannelType = "im";
    private const string DirectMessageChannelName = "directmessage";

    /// <summary>The same place as Core sees it, for its delivery plan.</summary>
    public Place Place => IsDirectMessage ? Place.DirectMessage(SafeAnswers.Platform)
        : IsPublic ? Place.PublicChannel(SafeAnswers.Platform)
        : Place.AskerOnly(SafeAnswers.Platform);

    /// <summary>A mention is answered in its thread (a new one under it when it is not in one); a DM in the DM.</summary>
    public static SlackConversation? Of(IncomingEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.Channel is not { } channel)
        {
            return null;
        }

        var isDirect = IsDirect(channel, ev.ChannelType, DirectMessageChannelType);
        return new SlackConversation(channel, ev.ThreadTs ?? (isDirect ? null : ev.Ts), isDirect, !isDirect);
    }

    public static SlackConversation? Of(IncomingSlashCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.ChannelId))
        {
            return null;
        }

        var isDirect = IsDirect(command.ChannelId, command.ChannelName, DirectMessageChannelName);
        return new SlackConversation(command.ChannelId, null, isDirect, !isDirect);
    }

    /// <summary>A button's answer goes in the thread of the message it is on.</summary>
    public static SlackConversation? Of(IncomingBlockActions click)
    {
        ArgumentNullException.ThrowIfNull(click);
        if ((click.Container?.ChannelId ?? click.Channel?.Id) is not { } channel)
        {
            return null;
        }

        var isDirect = IsDirect(channel, click.Channel?.Name, DirectMessageChannelName);
        var onEphemeral = click.Container?.IsEphemeral == true;
        return new SlackConversation(channel, click.Message?.ThreadTs ?? click.Container?.MessageTs, isDirect, !isDirect && !onEphemeral);
    }

    /// <summary>
    /// Slack says what kind of conversation it is (<c>channel_type</c> on events, the channel name on commands
    /// and clicks); that is authoritative. Only when it says nothing is a DM's <c>D…</c> id taken as the sign.
    /// </summary>
    private static bool IsDirect(string channel, string? kind, string directKind) =>
        kind is null ? channel.StartsWith('D') : string.Equals(kind, directKind, StringComparison.Ordinal);
}
