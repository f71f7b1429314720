namespace ChatBot.Discord.Moderation;

/// <summary>The permission bits we read (Discord's permission bit set).</summary>
[Flags]
internal enum DiscordPermissions : ulong
{
    None = 0,
    Administrator = 1UL << 3,
    ManageGuild = 1UL << 5,
}
