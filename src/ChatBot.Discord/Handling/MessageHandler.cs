using ChatBot.Core.Answering;
using ChatBot.Core.Conversations;
using ChatBot.Core.Delivery;
using ChatBot.Core.Replies;
using ChatBot.Discord.Configuration;
using ChatBot.Discord.Inbound;
using ChatBot.Discord.Moderation;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;
using ChatBot.Discord.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Handling;

/// <summary>
/// Answers a guild message that mentions the bot (or replies to it) and every DM. Ignores bots,
/// webhooks, system messages, its own messages and mentions that only appear inside quotes.
/// </summary>
internal sealed partial class MessageHandler(
    IAnswerEngine engine,
    QuestionDesk desk,
    ModeratorCheck moderators,
    SendLanes lanes,
    DeliveryPlanner planner,
    SendFailureReporter failures,
    ReplyRenderer renderer,
    DiscordMessenger messenger,
    BotIdentity identity,
    IOptions<DiscordOptions> options,
    ILogger<MessageHandler> logger)
{
    private const int DefaultType = 0;
    private const int ReplyType = 19;
    private readonly IAnswerEngine _engine = engine;
    private readonly QuestionDesk _desk = desk;
    private readonly ModeratorCheck _moderators = moderators;
    private readonly SendLanes _lanes = lanes;
    private readonly DeliveryPlanner _planner = planner;
    private readonly SendFailureReporter _failures = failures;
    private readonly ReplyRenderer _renderer = renderer;
    private readonly DiscordMessenger _messenger = messenger;
    private readonly BotIdentity _identity = identity;
    private readonly DiscordOptions _options = options.Value;
    private readonly ILogger<MessageHandler> _logger = logger;

    /// <summary>
    /// Answers on the worker, then hands Core's delivery plan to the message's channel lane (and the asker's DM
    /// lane) and returns: waiting for one channel's rate limit never holds up other channels or DMs, and an
    /// urgent reply goes ahead of ordinary ones still queued for its channel.
    /// </summary>
    public Task HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (QuestionIn(message) is not { } question)
        {
            return Task.CompletedTask;
        }

        var where = message.GuildId is null ? Place.DirectMessage(DiscordOptions.Platform) : Place.PublicChannel(DiscordOptions.Platform);
        var context = new AskContext(DiscordOptions.Platform, message.Author.Id, where.IsPublic)
        {
            Channel = message.ChannelId,
            Conversation = "discord:" + message.ChannelId,
            Exempt = _moderators.IsModerator(message),
        };
        if (Ask(question, context) is not { } reply)
        {
            return Task.CompletedTask;
        }

        var plan = _planner.Plan(reply, where);
        var shown = _renderer.RenderParts(plan.WhereAsked);
        var nonce = plan.ToAskerOnly is null ? message.Id : message.Id + "p";
        Post(message.ChannelId, plan.IsUrgent, async ct =>
        {
            for (var i = 0; i < shown.Count; i++)
            {
                await _messenger.SendAsync(message.ChannelId, message.Id, PartNonce(nonce, i), shown[i], ct).ConfigureAwait(false);
            }
        }, cancellationToken);
        if (plan.ToAskerOnly is not null)
        {
            Post("dm:" + message.Author.Id, plan.IsUrgent, ct => SendToAskerAsync(message, plan, ct), cancellationToken);
        }

        return Task.CompletedTask;
    }

    private void Post(string lane, bool urgent, Func<CancellationToken, Task> send, CancellationToken cancellationToken) =>
        _lanes.Post("discord:" + lane, urgent, send, e => _failures.Report("MESSAGE_CREATE", e), cancellationToken);

    private async Task SendToAskerAsync(IncomingMessage message, DeliveryPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            var parts = _renderer.RenderParts(plan.ToAskerOnly!);
            for (var i = 0; i < parts.Count; i++)
            {
                await _messenger.SendDirectAsync(message.Author.Id, PartNonce(message.Id + "d", i), parts[i], cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DiscordApiException ex) when (ex.Code == 50007 && plan.IfAskerOnlyUndeliverable is { } instead)
        {
            // Their direct messages are closed: say so where they asked, without the details, and how to get them.
            LogDmClosed(message.Id);
            await _messenger.SendAsync(message.ChannelId, message.Id, message.Id + "c", _renderer.Render(instead), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first part keeps the message's nonce, so a redelivered event is still recognised; later parts get their own.</summary>
    private static string PartNonce(string nonce, int part) => part == 0 ? nonce : $"{nonce}.{part}";

    /// <summary>The question this message asks the bot, as Core is asked it; null when the message is not for the bot.</summary>
    public string? QuestionIn(IncomingMessage message) =>
        IsForTheBot(message) ? MentionParser.Question(message.Content ?? "") : null;

    /// <summary>A mention, a DM or a reply to the bot, in a channel it may answer, from a person.</summary>
    public bool IsForTheBot(IncomingMessage message)
    {
        var botId = _identity.UserId;
        if (botId is null || message.Author.Bot == true || message.Author.System == true || message.WebhookId is not null
            || message.Author.Id == botId || message.Type is not (DefaultType or ReplyType))
        {
            return false;
        }

        if (message.GuildId is null)
        {
            return true;
        }

        if (_options.AllowedChannelIds.Count > 0 && !_options.AllowedChannelIds.Contains(message.ChannelId))
        {
            return false;
        }

        if (message.ReferencedMessage?.Author?.Id == botId)
        {
            // Without the Message Content intent a reply that does not ping the bot (and any reply to an
            // interaction response) arrives with empty content: there is nothing to answer, and "I didn't
            // catch a question" under every such reply would be noise.
            return !string.IsNullOrWhiteSpace(message.Content) || message.Mentions?.Any(u => u.Id == botId) == true;
        }

        var content = message.Content ?? "";
        if (content.Length > 0)
        {
            return MentionParser.MentionsOutsideQuotes(content, botId, _identity.IsManagedRole);
        }

        // Without the content intent, fall back on the mention arrays.
        return message.Mentions?.Any(u => u.Id == botId) == true || message.MentionRoles?.Any(_identity.IsManagedRole) == true;
    }

    /// <summary>The reply, or null when fair use says nothing more to this person for now.</summary>
    private Reply? Ask(string question, AskContext context) =>
        _engine.ReplyOrSilenceOrErrorNotice(_ => _desk.Ask(question, context), LogEngineFailed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: could not DM safety guidance for message {MessageId}: the user does not accept DMs; told them in the channel how to get it.")]
    private partial void LogDmClosed(string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: the answer engine failed.")]
    private partial void LogEngineFailed(Exception exception);
}
