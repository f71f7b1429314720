using System.Globalization;
using System.Text;
using ChatBot.Core.Answering;
using ChatBot.Core.Delivery;
using ChatBot.Core.Replies;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Dispatch;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.Moderation;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Handling;

/// <summary>
/// <c>/sleepfaq &lt;question&gt;</c>, <c>/sleepfaq topics</c>, <c>/sleepfaq about</c>, <c>/sleepfaq admin …</c>.
/// The answer rides on the ack when it is ready in time, else goes to <c>response_url</c>. Ephemeral
/// unless configured otherwise; moderator commands and refusals are always ephemeral.
/// </summary>
public sealed partial class SlashCommandHandler(
    SafeAnswers answers,
    SlackSender sender,
    DeliveryPlanner planner,
    AdminCommandHandler admin,
    ModeratorCheck moderators,
    IOptions<SlackOptions> options,
    ILogger<SlashCommandHandler> logger)
{
    private readonly SafeAnswers _answers = answers;
    private readonly SlackSender _sender = sender;
    private readonly DeliveryPlanner _planner = planner;
    private readonly AdminCommandHandler _admin = admin;
    private readonly ModeratorCheck _moderators = moderators;
    private readonly SlackOptions _options = options.Value;
    private readonly ILogger<SlashCommandHandler> _logger = logger;

    public async Task HandleAsync(IncomingSlashCommand payload, SlackConversation? where, SlashAck? ack, CancellationToken cancellationToken)
    {
        if (payload.Command is { } name && !string.Equals(name, _options.SlashCommand, StringComparison.OrdinalIgnoreCase))
        {
            // Another of the app's commands pointed here by mistake: not ours to answer as a question.
            LogOtherCommand(name, _options.SlashCommand);
            return;
        }

        var user = payload.UserId;
        var text = payload.Text ?? "";
        var responseUrl = Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var url) ? url : null;
        if (AdminCommandHandler.TryParse(text, _options.AdminSubcommand, out var command))
        {
            var adminReply = await _admin.RunAsync(command, user, cancellationToken).ConfigureAwait(false);
            await RespondAsync(adminReply, inChannel: false, ack, responseUrl, cancellationToken).ConfigureAwait(false);
            return;
        }

        // An ephemeral reply is seen by the asker alone, wherever the command was typed.
        var inChannel = _options.SlashInChannel;
        var place = inChannel && where is not null ? where.Place : Place.AskerOnly(SafeAnswers.Platform);
        var reply = await AnswerAsync(text, user, where?.Channel ?? "", place.IsPublic, cancellationToken).ConfigureAwait(false);
        var plan = _planner.Plan(reply, place);
        await RespondAsync(plan.WhereAsked, inChannel && !plan.WhereAsked.Limited, ack, responseUrl, cancellationToken).ConfigureAwait(false);
        if (plan.ToAskerOnly is not null && responseUrl is not null)
        {
            await _sender.RespondAsync(responseUrl, plan.ToAskerOnly, inChannel: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The ack carries the reply when still open (its first part, when an ephemeral reply is too long for one
    /// message); the rest, or all of it, goes to <c>response_url</c>.
    /// </summary>
    private async Task RespondAsync(Reply reply, bool inChannel, SlashAck? ack, Uri? responseUrl, CancellationToken cancellationToken)
    {
        IReadOnlyList<Reply> parts = inChannel ? [reply] : EphemeralParts.Of(reply);
        var rest = ack is not null && ack.TryRespond(_sender.ResponsePayload(parts[0], inChannel)) ? parts.Skip(1) : parts;
        foreach (var part in rest)
        {
            if (responseUrl is null || !(await _sender.RespondAsync(responseUrl, part, inChannel, cancellationToken).ConfigureAwait(false)).Ok)
            {
                break;
            }
        }
    }

    private async Task<Reply> AnswerAsync(string text, string? user, string channel, bool isPublic, CancellationToken cancellationToken)
    {
        var command = text.Trim();
        if (command.Length == 0 || command.Equals("about", StringComparison.OrdinalIgnoreCase) || command.Equals("help", StringComparison.OrdinalIgnoreCase))
        {
            return _answers.Run(e => e.About());
        }

        if (command.Equals("topics", StringComparison.OrdinalIgnoreCase))
        {
            return _answers.Run(Topics);
        }

        // A slash command is always answered: over the fair-use limit, with the notice, ephemerally.
        var context = new AskContext(SafeAnswers.Platform, user, isPublic)
        {
            Channel = channel,
            Exempt = _moderators.IsKnownModerator(user),
            MustReply = true,
        };
        return _answers.Ask(SlackText.ToPlainQuestion(command, null), context) ?? _answers.Run(e => e.Notice(NoticeKind.Error));
    }

    private Reply Topics(IAnswerEngine engine)
    {
        var topics = engine.ListTopics();
        var list = new StringBuilder("Topics I can answer (ask in your own words, e.g. ")
            .Append(_options.SlashCommand).Append(" <question>):");
        foreach (var topic in topics)
        {
            list.Append(CultureInfo.InvariantCulture, $"\n• {topic.Question}");
        }

        return engine.Info(list.ToString()) with { Related = topics };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack sent the slash command {Command}, but Slack:SlashCommand is {Configured}; ignored. Point only {Configured} at this bot, or change the setting.")]
    private partial void LogOtherCommand(string command, string configured);
}
