using System.Globalization;
using ChatBot.Core.Answering;
using ChatBot.Core.Coordination;
using ChatBot.Core.Operations;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Moderation;

/// <summary>
/// Tells the moderator channel (<see cref="DiscordOptions.ModeratorChannelId"/>) when a knowledge edit is
/// rejected or a new version goes live, as a rendered Core reply through the one send path. Instances
/// sharing the channel claim each report, so it is posted once. Never throws: a failed post is logged
/// and the reload stands.
/// </summary>
internal sealed partial class DiscordReloadNotifier : IReloadNotifier
{
    public const int MaxErrorsShown = 10;
    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Instances may reload the same files minutes apart (a slow disk, a late sync).</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(30);

    private readonly IAnswerEngine _engine;
    private readonly ReplyRenderer _renderer;
    private readonly DiscordMessenger _messenger;
    private readonly FatalPlatformSignal _fatal;
    private readonly DiscordOptions _options;
    private readonly IInstanceCoordination _coordination;
    private readonly ILogger<DiscordReloadNotifier> _logger;

    public DiscordReloadNotifier(IAnswerEngine engine, ReplyRenderer renderer, DiscordMessenger messenger, FatalPlatformSignal fatal, IOptions<DiscordOptions> options, IInstanceCoordination coordination, ILogger<DiscordReloadNotifier> logger)
    {
        (_engine, _renderer, _messenger, _fatal, _options, _coordination, _logger) = (engine, renderer, messenger, fatal, options.Value, coordination, logger);
    }

    public async Task NotifyAsync(ReloadReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var channel = _options.ModeratorChannelId;
        if (string.IsNullOrEmpty(channel) || !report.WorthTellingModerators)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PostTimeout);
        try
        {
            if (!await _coordination.ClaimAsync([$"discord:reload:{channel}:{report.Fingerprint}"], ClaimFor, timeout.Token).ConfigureAwait(false))
            {
                return;
            }

            var message = _renderer.Render(_engine.Info(report.Describe(MaxErrorsShown)), withButtons: false);
            await _messenger.SendAsync(channel, null, Nonce(report), message, timeout.Token).ConfigureAwait(false);
        }
        catch (FatalPlatformException ex)
        {
            _fatal.Raise(ex);
        }
#pragma warning disable CA1031 // Telling moderators is best effort; the reload itself must stand.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogPostFailed(ex, channel);
        }
    }

    /// <summary>One nonce per report, so a retried POST cannot post it twice.</summary>
    private static string Nonce(ReloadReport report) =>
        "rl" + report.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + (report.Applied ? "a" : "r");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: could not post the knowledge reload report to moderator channel {Channel}; the reload itself stands.")]
    private partial void LogPostFailed(Exception exception, string channel);
}
