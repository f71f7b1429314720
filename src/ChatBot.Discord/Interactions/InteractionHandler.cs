using ChatBot.Core.Answering;
using ChatBot.Core.Conversations;
using ChatBot.Core.Delivery;
using ChatBot.Core.Feedback;
using ChatBot.Core.Replies;
using ChatBot.Discord.Configuration;
using ChatBot.Discord.Handling;
using ChatBot.Discord.Inbound;
using ChatBot.Discord.Moderation;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// Slash commands, autocomplete and button clicks. Every response starts inside Discord's 3-second
/// window, measured from local receipt: answered directly when the reply is ready in time, else
/// deferred and filled in later.
/// </summary>
internal sealed partial class InteractionHandler(
    IAnswerEngine engine,
    QuestionDesk desk,
    ModeratorCheck moderators,
    IFeedbackSink feedback,
    AdminCommandHandler admin,
    DeliveryPlanner planner,
    ReplyRenderer renderer,
    DiscordMessenger messenger,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionHandler> logger)
{
    private const int MaxListChars = 1500;
    private readonly IAnswerEngine _engine = engine;
    private readonly QuestionDesk _desk = desk;
    private readonly ModeratorCheck _moderators = moderators;
    private readonly IFeedbackSink _feedback = feedback;
    private readonly AdminCommandHandler _admin = admin;
    private readonly DeliveryPlanner _planner = planner;
    private readonly ReplyRenderer _renderer = renderer;
    private readonly DiscordMessenger _messenger = messenger;
    private readonly DiscordOptions _options = options.Value;
    private readonly TimeProvider _time = time;
    private readonly ILogger<InteractionHandler> _logger = logger;

    public async Task HandleAsync(IncomingInteraction interaction, long receivedAt, CancellationToken cancellationToken)
    {
        var target = new InteractionRef(interaction.Id, interaction.Token, interaction.ApplicationId);
        // A slash command is always answered: over the fair-use limit, with the notice, ephemerally.
        var where = interaction.GuildId is null ? Place.DirectMessage(DiscordOptions.Platform) : Place.PublicChannel(DiscordOptions.Platform);
        var context = new AskContext(DiscordOptions.Platform, interaction.UserId, where.IsPublic)
        {
            Channel = interaction.ChannelId,
            Exempt = _moderators.IsModerator(interaction),
            MustReply = true,
        };
        var data = interaction.Data;
        switch (interaction.Type)
        {
            case IncomingInteraction.Autocomplete:
                var partial = Focused(data?.Options)?.Text ?? "";
                var choices = _engine.SuggestTopics(partial, DiscordLimits.AutocompleteChoices)
                    .Where(t => t.EntryId.Length <= DiscordLimits.ChoiceValue)
                    .Select(t => new ChoicePayload(TextFit.Trim(t.Question, DiscordLimits.ChoiceName), t.EntryId))
                    .ToArray();
                await _messenger.AutocompleteAsync(target, choices, cancellationToken).ConfigureAwait(false);
                break;
            case IncomingInteraction.ApplicationCommand when _admin.Handles(data):
                await _admin.HandleAsync(interaction, target, receivedAt, cancellationToken).ConfigureAwait(false);
                break;
            case IncomingInteraction.ApplicationCommand when data?.Name == CommandDefinitions.Ask && _desk.Admit(AskedQuestion(data), context) is { Admitted: false } refused:
                // Decided before any deferral, so the notice can still be one only the asker sees.
                await _messenger.RespondAsync(target, _renderer.Render(refused.Refusal ?? _engine.Notice(NoticeKind.Error), withButtons: false), ephemeral: true, cancellationToken).ConfigureAwait(false);
                break;
            case IncomingInteraction.ApplicationCommand:
                await ReplyAsync(target, receivedAt, () => Command(data, context), where, cancellationToken).ConfigureAwait(false);
                break;
            case IncomingInteraction.MessageComponent:
                await OnComponentAsync(target, receivedAt, data?.CustomId ?? "", context, where, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnComponentAsync(InteractionRef target, long receivedAt, string customId, AskContext context, Place where, CancellationToken cancellationToken)
    {
        if (CustomIds.TryParseFeedback(customId, out var helpful, out var replyId, out var entryId))
        {
            var thanks = _renderer.Render(_engine.Notice(NoticeKind.FeedbackThanks), withButtons: false);
            await _messenger.RespondAsync(target, thanks, ephemeral: true, cancellationToken).ConfigureAwait(false);
            await _feedback.RecordAsync(new FeedbackRecord(DiscordOptions.Platform, context.UserId, replyId, entryId, helpful, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (CustomIds.TryParseEntry(customId, out var entry))
        {
            await ReplyAsync(target, receivedAt, () => _engine.ShowEntry(entry, context), where, cancellationToken).ConfigureAwait(false);
        }
    }

    private Reply Command(IncomingInteractionData? data, AskContext context)
    {
        var options = data?.Options ?? [];
        switch (data?.Name)
        {
            case CommandDefinitions.Ask:
                return _desk.Answer(AskedQuestion(data), context);
            case CommandDefinitions.Faq when options.FirstOrDefault() is { Name: CommandDefinitions.FaqShow } show:
                var topic = show.Options?.FirstOrDefault(o => o.Name == CommandDefinitions.TopicOption)?.Text ?? "";
                var entry = _engine.ShowEntry(topic, context);
                return entry.EntryId is null ? _engine.Ask(topic, context) : entry;
            case CommandDefinitions.Faq:
                return TopicList();
            case CommandDefinitions.About:
                return _engine.About();
            default:
                return _engine.Notice(NoticeKind.Error);
        }
    }

    private static string AskedQuestion(IncomingInteractionData? data) =>
        data?.Options?.FirstOrDefault(o => o.Name == CommandDefinitions.QuestionOption)?.Text ?? "";

    private Reply TopicList()
    {
        var topics = _engine.ListTopics();
        var lines = new List<string> { "FAQ topics:" };
        foreach (var topic in topics)
        {
            var line = "• " + topic.Question;
            if (lines.Sum(l => l.Length + 1) + line.Length > MaxListChars)
            {
                lines.Add($"…and {topics.Count - (lines.Count - 1)} more: use /faq show.");
                break;
            }

            lines.Add(line);
        }

        return _engine.Info(string.Join("\n", lines)) with { Related = topics.Take(10).ToArray() };
    }

    /// <summary>Answers in the 3-second window (or defers), then follows up with what Core's plan keeps for the asker alone.</summary>
    private async Task ReplyAsync(InteractionRef target, long receivedAt, Func<Reply> produce, Place where, CancellationToken cancellationToken)
    {
        var budget = TimeSpan.FromMilliseconds(_options.DeferAfterMilliseconds) - _time.GetElapsedTime(receivedAt);
        var work = Task.Run(() => Produce(produce), cancellationToken);
        var deferred = false;
        if (budget <= TimeSpan.Zero || await Task.WhenAny(work, Task.Delay(budget, _time, cancellationToken)).ConfigureAwait(false) != work)
        {
            deferred = true;
            await _messenger.DeferAsync(target, ephemeral: false, cancellationToken).ConfigureAwait(false);
        }

        var plan = _planner.Plan(await work.ConfigureAwait(false), where);
        var shown = _renderer.RenderParts(plan.WhereAsked);
        if (deferred)
        {
            await _messenger.EditOriginalAsync(target, shown[0], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _messenger.RespondAsync(target, shown[0], ephemeral: false, cancellationToken).ConfigureAwait(false);
        }

        // A reply too long for one message goes on in follow-ups, and so does what is for the asker alone.
        foreach (var part in shown.Skip(1))
        {
            await _messenger.FollowUpAsync(target, part, ephemeral: false, cancellationToken).ConfigureAwait(false);
        }

        foreach (var part in plan.ToAskerOnly is null ? [] : _renderer.RenderParts(plan.ToAskerOnly))
        {
            await _messenger.FollowUpAsync(target, part, ephemeral: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private Reply Produce(Func<Reply> produce) => _engine.ReplyOrErrorNotice(_ => produce(), LogEngineFailed);

    private static IncomingOption? Focused(IReadOnlyList<IncomingOption>? options)
    {
        foreach (var option in options ?? [])
        {
            if (option.Focused == true)
            {
                return option;
            }

            if (Focused(option.Options) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: the answer engine failed.")]
    private partial void LogEngineFailed(Exception exception);
}
