using System.Collections.Concurrent;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Sending;

/// <summary>
/// THE send path: every message, edit, follow-up and interaction response leaves through here, built
/// from a <see cref="RenderedMessage"/> (so from a Core reply) and always with
/// <c>allowed_mentions: {"parse": [], "replied_user": false}</c>. Message creates carry a nonce with
/// <c>enforce_nonce</c>, so a retried POST cannot post twice.
/// </summary>
internal sealed class DiscordMessenger(DiscordRestClient rest)
{
    public const int Ephemeral = 64;
    private const int ChannelMessage = 4;
    private const int DeferredChannelMessage = 5;
    private const int AutocompleteResult = 8;
    private const int CannotReplyWithoutHistory = 160002;

    private readonly DiscordRestClient _rest = rest;
    private readonly ConcurrentDictionary<string, string> _dmChannels = new();

    /// <summary>
    /// Posts in a channel, as a reply to <paramref name="replyTo"/> when given. <paramref name="nonceSource"/>
    /// makes the nonce. Where the bot may not read the message history, Discord refuses replies (160002):
    /// the answer is then posted without the reference.
    /// </summary>
    public async Task SendAsync(string channelId, string? replyTo, string nonceSource, RenderedMessage message, CancellationToken cancellationToken)
    {
        var payload = Payload(message) with
        {
            MessageReference = replyTo is null ? null : new MessageReferencePayload(replyTo, false),
            Nonce = Nonce(nonceSource),
            EnforceNonce = true,
        };
        try
        {
            await _rest.SendAsync(DiscordRoute.CreateMessage(channelId), payload, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException ex) when (ex.Code == CannotReplyWithoutHistory && replyTo is not null)
        {
            await _rest.SendAsync(DiscordRoute.CreateMessage(channelId), payload with { MessageReference = null }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a direct message (opening the DM channel first).</summary>
    public async Task SendDirectAsync(string userId, string nonceSource, RenderedMessage message, CancellationToken cancellationToken)
    {
        if (!_dmChannels.TryGetValue(userId, out var channelId))
        {
            var channel = await _rest.SendAsync(DiscordRoute.CreateDm(), new CreateDmPayload(userId), cancellationToken).ConfigureAwait(false);
            channelId = channel?.GetProperty("id").GetString() ?? throw new DiscordApiException(200, null, "DM channel response had no id.");
            _dmChannels[userId] = channelId;
        }

        await SendAsync(channelId, null, nonceSource, message, cancellationToken).ConfigureAwait(false);
    }

    public Task RespondAsync(InteractionRef interaction, RenderedMessage message, bool ephemeral, CancellationToken cancellationToken) =>
        _rest.SendAsync(
            DiscordRoute.InteractionCallback(interaction.Id, interaction.Token),
            new InteractionResponsePayload(ChannelMessage, Payload(message) with { Flags = ephemeral ? Ephemeral : null }),
            cancellationToken);

    /// <summary>"Thinking…": buys 15 minutes to fill in the response with <see cref="EditOriginalAsync"/>.</summary>
    public Task DeferAsync(InteractionRef interaction, bool ephemeral, CancellationToken cancellationToken) =>
        _rest.SendAsync(
            DiscordRoute.InteractionCallback(interaction.Id, interaction.Token),
            new InteractionResponsePayload(DeferredChannelMessage, new MessagePayload(null, null, null, AllowedMentionsPayload.None, Flags: ephemeral ? Ephemeral : null)),
            cancellationToken);

    public Task EditOriginalAsync(InteractionRef interaction, RenderedMessage message, CancellationToken cancellationToken) =>
        _rest.SendAsync(DiscordRoute.EditOriginal(interaction.ApplicationId, interaction.Token), Payload(message), cancellationToken);

    public Task FollowUpAsync(InteractionRef interaction, RenderedMessage message, bool ephemeral, CancellationToken cancellationToken) =>
        _rest.SendAsync(
            DiscordRoute.FollowUp(interaction.ApplicationId, interaction.Token),
            Payload(message) with { Flags = ephemeral ? Ephemeral : null },
            cancellationToken);

    public Task AutocompleteAsync(InteractionRef interaction, IReadOnlyList<ChoicePayload> choices, CancellationToken cancellationToken) =>
        _rest.SendAsync(
            DiscordRoute.InteractionCallback(interaction.Id, interaction.Token),
            new InteractionResponsePayload(AutocompleteResult, new AutocompletePayload(choices.Take(DiscordLimits.AutocompleteChoices).ToArray())),
            cancellationToken);

    private static MessagePayload Payload(RenderedMessage message) =>
        new(message.Content, message.Embeds, message.Components, AllowedMentionsPayload.None);

    /// <summary>Discord nonces are at most 25 characters; event ids are unique per message we answer.</summary>
    private static string Nonce(string source) => source.Length <= 25 ? source : source[^25..];
}
