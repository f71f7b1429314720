using ChatBot.Discord.Configuration;

namespace ChatBot.Discord.Gateway;

/// <summary>Intent bits for IDENTIFY.</summary>
internal static class GatewayIntents
{
    public const int Guilds = 1 << 0;
    public const int GuildMessages = 1 << 9;
    public const int DirectMessages = 1 << 12;
    public const int MessageContent = 1 << 15;

    /// <summary>GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES (4609), plus MESSAGE_CONTENT only when configured.</summary>
    public static int For(DiscordOptions options) =>
        Guilds | GuildMessages | DirectMessages | (options.MessageContent ? MessageContent : 0) | options.ExtraIntents;
}
