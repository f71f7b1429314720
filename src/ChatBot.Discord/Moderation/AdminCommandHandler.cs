using ChatBot.Core.Answering;
using ChatBot.Core.Moderation;
using ChatBot.Core.Replies;
using ChatBot.Discord.Configuration;
using ChatBot.Discord.Handling;
using ChatBot.Discord.Inbound;
using ChatBot.Discord.Interactions;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Moderation;

/// <summary>
/// <c>/faqadmin status|reload|check message|diff|gaps [days]|feedback</c>: moderators get Core's <see cref="ModeratorCommands"/>
/// reply, everyone else Core's refusal; both ephemeral, both ordinary replies (caveat and doctor advice
/// included). <c>gaps</c>, <c>reload</c> and <c>diff</c> are always deferred (grouping and re-embedding take a moment);
/// the others only when not ready inside <see cref="DiscordOptions.DeferAfterMilliseconds"/>.
/// </summary>
internal sealed partial class AdminCommandHandler(
    IAnswerEngine engine,
    ModeratorCommands commands,
    ModeratorCheck moderators,
    ReplyRenderer renderer,
    DiscordMessenger messenger,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<AdminCommandHandler> logger)
{
    private readonly IAnswerEngine _engine = engine;
    private readonly ModeratorCommands _commands = commands;
    private readonly ModeratorCheck _moderators = moderators;
    private readonly ReplyRenderer _renderer = renderer;
    private readonly DiscordMessenger _messenger = messenger;
    private readonly DiscordOptions _options = options.Value;
    private readonly TimeProvider _time = time;
    private readonly ILogger<AdminCommandHandler> _logger = logger;

    public bool Handles(IncomingInteractionData? data) => string.Equals(data?.Name, _options.AdminCommandName, StringComparison.Ordinal);

    public async Task HandleAsync(IncomingInteraction interaction, InteractionRef target, long receivedAt, CancellationToken cancellationToken)
    {
        var sub = interaction.Data?.Options?.FirstOrDefault();
        var name = sub?.Name switch
        {
            CommandDefinitions.AdminStatus or CommandDefinitions.AdminReload or CommandDefinitions.AdminGaps or CommandDefinitions.AdminFeedback
                or CommandDefinitions.AdminCheck or CommandDefinitions.AdminDiff => sub.Name,
            _ => "(other)",
        };
        if (!_moderators.IsModerator(interaction))
        {
            LogRefused(name);
            await _messenger.RespondAsync(target, _renderer.Render(_engine.Notice(NoticeKind.Refusal), withButtons: false), ephemeral: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        LogRunning(name);
        var work = Task.Run(() => RunAsync(CommandLine(sub), name, cancellationToken), cancellationToken);
        var deferred = name is CommandDefinitions.AdminGaps or CommandDefinitions.AdminReload or CommandDefinitions.AdminDiff || !await ReadyInTimeAsync(work, receivedAt, cancellationToken).ConfigureAwait(false);
        if (deferred)
        {
            await _messenger.DeferAsync(target, ephemeral: true, cancellationToken).ConfigureAwait(false);
        }

        var shown = _renderer.Render(await work.ConfigureAwait(false), withButtons: false);
        if (deferred)
        {
            await _messenger.EditOriginalAsync(target, shown, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _messenger.RespondAsync(target, shown, ephemeral: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The sub-command and its options as Core's command line, e.g. <c>gaps 14</c> or <c>check is it safe?</c>.</summary>
    private static string CommandLine(IncomingOption? sub) => sub is null
        ? ""
        : string.Join(' ', new[] { sub.Name }.Concat((sub.Options ?? [])
            .Where(o => o.Name is CommandDefinitions.DaysOption or CommandDefinitions.MessageOption).Select(o => o.Text)));

    private async Task<bool> ReadyInTimeAsync(Task work, long receivedAt, CancellationToken cancellationToken)
    {
        var budget = TimeSpan.FromMilliseconds(_options.DeferAfterMilliseconds) - _time.GetElapsedTime(receivedAt);
        return budget > TimeSpan.Zero && await Task.WhenAny(work, Task.Delay(budget, _time, cancellationToken)).ConfigureAwait(false) == work;
    }

    private async Task<Reply> RunAsync(string commandLine, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _commands.RunAsync(commandLine, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed report must still answer the moderator with a rendered error reply.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(ex, name);
            return _engine.Notice(NoticeKind.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: refused moderator command {Command} from a non-moderator.")]
    private partial void LogRefused(string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: moderator command {Command}.")]
    private partial void LogRunning(string command);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: moderator command {Command} failed; sending the error notice.")]
    private partial void LogFailed(Exception exception, string command);
}
