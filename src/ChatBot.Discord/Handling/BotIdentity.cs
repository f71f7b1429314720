using System.Collections.Concurrent;

namespace ChatBot.Discord.Handling;

/// <summary>Who the bot is (from READY and GUILD_CREATE): its user id, application id and managed role ids.</summary>
internal sealed class BotIdentity
{
    private readonly ConcurrentDictionary<string, byte> _managedRoles = new();

    public string? UserId { get; set; }

    public string? ApplicationId { get; set; }

    public bool IsManagedRole(string roleId) => _managedRoles.ContainsKey(roleId);

    public void AddManagedRole(string roleId) => _managedRoles[roleId] = 0;
}
