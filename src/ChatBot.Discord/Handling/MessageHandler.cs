using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
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
internal sealed partial class MessageHandler
{
    private const int DefaultType = 0;
    private const int ReplyType = 19;
    private readonly IAnswerEngine _engine;
    private readonly ReplyRenderer _renderer;
    private readonly DiscordMessenger _messenger;
    private readonly BotIdentity _identity;
    private readonly DiscordOptions _options;
    private readonly ILogger<MessageHandler> _logger;

    public MessageHandler(IAnswerEngine engine, ReplyRenderer renderer, DiscordMessenger messenger, BotIdentity identity, IOptions<DiscordOptions> options, ILogger<MessageHandler> logger)
    {
        (_engine, _renderer, _messenger, _identity, _options, _logger) = (engine, renderer, messenger, identity, options.Value, logger);
    }

    public async Task HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (!ShouldAnswer(message))
        {
            return;
        }

        var isPublic = message.GuildId is not null;
        var reply = Ask(MentionParser.Question(message.Content ?? ""), new AskContext("discord", message.Author.Id, isPublic));
        if (isPublic && reply.Safety.Count > 0 && _options.PublicSafetyMode == PublicSafetyMode.Private)
        {
            var notice = _engine.Notice(NoticeKind.SafetyGuidanceSentPrivately);
            await _messenger.SendAsync(message.ChannelId, message.Id, message.Id + "p", _renderer.Render(notice, withButtons: false), cancellationToken).ConfigureAwait(false);
            try
            {
                await _messenger.SendDirectAsync(message.Author.Id, message.Id + "d", _renderer.Render(reply), cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordApiException ex) when (ex.Code == 50007)
            {
                LogDmClosed(message.Id);
            }

            return;
        }

        await _messenger.SendAsync(message.ChannelId, message.Id, message.Id, _renderer.Render(reply), cancellationToken).ConfigureAwait(false);
    }

    private bool ShouldAnswer(IncomingMessage message)
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
            return true;
        }

        var content = message.Content ?? "";
        if (content.Length > 0)
        {
            return MentionParser.MentionsOutsideQuotes(content, botId, _identity.IsManagedRole);
        }

        // Without the content intent, fall back on the mention arrays.
        return message.Mentions?.Any(u => u.Id == botId) == true || message.MentionRoles?.Any(_identity.IsManagedRole) == true;
    }

    private Reply Ask(string question, AskContext context) =>
        _engine.ReplyOrErrorNotice(e => e.Ask(question, context), LogEngineFailed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: could not DM safety guidance for message {MessageId}: the user does not accept DMs.")]
    private partial void LogDmClosed(string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: the answer engine failed.")]
    private partial void LogEngineFailed(Exception exception);
}
