using System.Globalization;
using ChatBot.Core.Answering;
using ChatBot.Core.Coordination;
using ChatBot.Core.Operations;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Moderation;

/// <summary>
/// Tells every configured moderator channel (<see cref="IModeratorChannel"/>, one per adapter) when a knowledge
/// edit is rejected or a new version goes live, as a Core reply with the caveats like any other. Instances sharing
/// a channel claim each report, so it is posted once. Never throws: a failed post is logged and the reload stands;
/// a fatal platform error (a revoked token) is raised for the host to stop on.
/// </summary>
public sealed partial class ModeratorChannelNotifier(
    IEnumerable<IModeratorChannel> channels,
    IAnswerEngine engine,
    IInstanceCoordination coordination,
    FatalPlatformSignal fatal,
    ILogger<ModeratorChannelNotifier> logger) : IReloadNotifier
{
    public const int MaxErrorsShown = 10;
    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Instances may reload the same files minutes apart (a slow disk, a late sync).</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(30);

    public async Task NotifyAsync(ReloadReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.WorthTellingModerators)
        {
            return;
        }

        foreach (var channel in channels)
        {
            if (channel.ChannelId is { Length: > 0 } id)
            {
                await PostAsync(channel, id, report, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PostAsync(IModeratorChannel channel, string id, ReloadReport report, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PostTimeout);
        try
        {
            if (!await coordination.ClaimAsync([ClaimKey(channel, id, report)], ClaimFor, timeout.Token).ConfigureAwait(false))
            {
                return;
            }

            await channel.PostAsync(engine.Info(report.Describe(MaxErrorsShown)), PostId(report), timeout.Token).ConfigureAwait(false);
        }
        catch (FatalPlatformException ex)
        {
            fatal.Raise(ex);
        }
#pragma warning disable CA1031 // Telling moderators is best effort; the reload itself must stand.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogPostFailed(ex, channel.Platform, id);
        }
    }

    /// <summary>The same in every instance that reaches this outcome on the same files (see <see cref="ReloadReport.Fingerprint"/>).</summary>
    private static string ClaimKey(IModeratorChannel channel, string id, ReloadReport report) =>
        $"{channel.Platform.ToLowerInvariant()}:reload:{id}:{report.Fingerprint}";

    /// <summary>One id per report, so a retried post cannot post it twice.</summary>
    private static string PostId(ReloadReport report) =>
        "rl" + report.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + (report.Applied ? "a" : "r");

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform}: could not post the knowledge reload report to moderator channel {Channel}; the reload itself stands.")]
    private partial void LogPostFailed(Exception exception, string platform, string channel);
}
