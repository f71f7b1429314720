using ChatBot.Core.Answering;
using ChatBot.Core.Coordination;
using ChatBot.Core.Operations;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Handling;
using ChatBot.Slack.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Moderation;

/// <summary>
/// Tells the moderator channel (<see cref="SlackOptions.ModeratorChannelId"/>) when a knowledge edit is
/// rejected or a new version goes live. Instances sharing the channel claim each report, so it is posted
/// once. Never throws: a failed post is logged and the reload stands.
/// </summary>
public sealed partial class SlackReloadNotifier : IReloadNotifier
{
    public const int MaxErrorsShown = 10;
    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Instances may reload the same files minutes apart (a slow disk, a late sync).</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(30);

    private readonly SlackSender _sender;
    private readonly SafeAnswers _answers;
    private readonly FatalPlatformSignal _fatal;
    private readonly SlackOptions _options;
    private readonly IInstanceCoordination _coordination;
    private readonly ILogger<SlackReloadNotifier> _logger;

    public SlackReloadNotifier(SlackSender sender, SafeAnswers answers, FatalPlatformSignal fatal, IOptions<SlackOptions> options, IInstanceCoordination coordination, ILogger<SlackReloadNotifier> logger)
    {
        _sender = sender;
        _answers = answers;
        _fatal = fatal;
        _options = options.Value;
        _coordination = coordination;
        _logger = logger;
    }

    public async Task NotifyAsync(ReloadReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var channel = _options.ModeratorChannelId;
        if (string.IsNullOrEmpty(channel) || !report.WorthTellingModerators)
        {
            return;
        }

        var reply = _answers.Run(e => e.Info(report.Describe(MaxErrorsShown)));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PostTimeout);
        try
        {
            if (!await _coordination.ClaimAsync([$"slack:reload:{channel}:{report.Fingerprint}"], ClaimFor, timeout.Token).ConfigureAwait(false))
            {
                return;
            }

            // ok:false answers (not_in_channel, …) are logged by the API client with the fix.
            await _sender.PostMessageAsync(channel, null, reply, timeout.Token).ConfigureAwait(false);
        }
        catch (FatalPlatformException ex)
        {
            _fatal.Raise(ex);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogPostFailed(ex, channel);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: could not post the knowledge reload report to moderator channel {Channel}; the reload itself stands.")]
    private partial void LogPostFailed(Exception exception, string channel);
}
