using System.Collections.Frozen;
using System.Globalization;
using ChatBot.Discord.Configuration;
using ChatBot.Discord.Handling;
using ChatBot.Discord.Inbound;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Moderation;

/// <summary>
/// Who may run moderator commands: a guild member with a role in <see cref="DiscordOptions.ModeratorRoleIds"/>,
/// or whose permissions in the channel include Manage Guild or Administrator. Command visibility
/// (<c>default_member_permissions</c>) can be changed by server admins, so this check always runs.
/// Outside a guild (DMs) nobody is a moderator.
/// </summary>
internal sealed class ModeratorCheck(IOptions<DiscordOptions> options)
{
    private const DiscordPermissions Qualifying = DiscordPermissions.ManageGuild | DiscordPermissions.Administrator;
    private readonly FrozenSet<string> _roles = options.Value.ModeratorRoleIds.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A guild message's author, by role only: a message carries the member's roles but not their permissions.</summary>
    public bool IsModerator(IncomingMessage message) =>
        message.GuildId is not null && message.Member?.Roles?.Any(_roles.Contains) == true;

    public bool IsModerator(IncomingInteraction interaction)
    {
        if (interaction.GuildId is null || interaction.Member is not { } member)
        {
            return false;
        }

        if (member.Roles?.Any(_roles.Contains) == true)
        {
            return true;
        }

        return ulong.TryParse(member.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            && ((DiscordPermissions)bits & Qualifying) != DiscordPermissions.None;
    }
}
