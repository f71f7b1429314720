using ChatBot.Discord.Configuration;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Interactions;

/// <summary>Registers the slash commands with one idempotent bulk overwrite, globally or per configured guild.</summary>
internal sealed partial class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    private readonly DiscordRestClient _rest = rest;
    private readonly DiscordOptions _options = options.Value;
    private readonly ILogger<CommandRegistrar> _logger = logger;

    public async Task RegisterAsync(string applicationId, CancellationToken cancellationToken)
    {
        var scopes = _options.GuildIds.Count > 0 ? _options.GuildIds.Select(id => (string?)id).ToArray() : [null];
        var commands = CommandDefinitions.All(_options);
        foreach (var guildId in scopes)
        {
            try
            {
                await _rest.SendAsync(DiscordRoute.BulkOverwriteCommands(applicationId, guildId), commands, cancellationToken).ConfigureAwait(false);
                LogRegistered(commands.Count, guildId ?? "global");
            }
            catch (DiscordApiException ex)
            {
                // Messages still work without commands; say so once and carry on.
                LogFailed(guildId ?? "global", ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: registered {Count} slash commands ({Scope}).")]
    private partial void LogRegistered(int count, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: could not register slash commands ({Scope}): {Error}")]
    private partial void LogFailed(string scope, string error);
}
