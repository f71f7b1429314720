using System.Text.Json;
using ChatBot.Core.Coordination;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Inbound;
using ChatBot.Discord.Interactions;

namespace ChatBot.Discord.Handling;

/// <summary>
/// Runs on a worker: claims a message or interaction among all instances (one answers it, even when two
/// run the same shard during a hand-over), decodes it and hands it to its handler. One failure never stops the worker.
/// </summary>
internal sealed class DispatchHandler(
    MessageHandler messages,
    InteractionHandler interactions,
    BotIdentity identity,
    SendFailureReporter failures,
    IInstanceCoordination coordination)
{
    /// <summary>Longer than any replay: a RESUME only replays what the session missed.</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(15);

    private readonly MessageHandler _messages = messages;
    private readonly InteractionHandler _interactions = interactions;
    private readonly BotIdentity _identity = identity;
    private readonly SendFailureReporter _failures = failures;
    private readonly IInstanceCoordination _coordination = coordination;

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        try
        {
            switch (dispatch.Type)
            {
                case "MESSAGE_CREATE":
                    // Most guild messages are not for the bot: only those it would answer are claimed, so a busy
                    // server costs no round trip to the shared store per message.
                    var message = Decode<IncomingMessage>(dispatch.Data);
                    if (_messages.IsForTheBot(message) && await ClaimAsync("discord:message:" + message.Id, cancellationToken).ConfigureAwait(false))
                    {
                        await _messages.HandleAsync(message, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case "INTERACTION_CREATE":
                    var interaction = Decode<IncomingInteraction>(dispatch.Data);
                    if (await ClaimAsync("discord:interaction:" + interaction.Id, cancellationToken).ConfigureAwait(false))
                    {
                        await _interactions.HandleAsync(interaction, dispatch.ReceivedAt, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case "GUILD_CREATE":
                    RememberManagedRole(dispatch.Data);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One bad event or failed send must not take its worker (and its channels) down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failures.Report(dispatch.Type, ex);
        }
    }

    /// <summary>Users often mention the bot's managed role instead of the bot; its role has <c>tags.bot_id</c>.</summary>
    private void RememberManagedRole(JsonElement guild)
    {
        if (!guild.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var role in roles.EnumerateArray())
        {
            if (role.TryGetProperty("tags", out var tags) && tags.TryGetProperty("bot_id", out var botId)
                && botId.GetString() == _identity.UserId && role.GetProperty("id").GetString() is { } roleId)
            {
                _identity.AddManagedRole(roleId);
            }
        }
    }

    private ValueTask<bool> ClaimAsync(string key, CancellationToken cancellationToken) =>
        _coordination.ClaimAsync([key], ClaimFor, cancellationToken);

    private static T Decode<T>(JsonElement data) => DiscordJson.Deserialize<T>(data) ?? throw new JsonException($"Empty {typeof(T).Name}.");
}
