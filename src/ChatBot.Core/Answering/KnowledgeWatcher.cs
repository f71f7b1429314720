using System.Threading.Channels;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Answering;

/// <summary>
/// Serves moderators' edits without a restart. File events (and, where they are unreliable, a periodic
/// checksum scan) mark the folder dirty (<see cref="FolderChanged"/>); once it has been quiet for the debounce
/// (on the <c>TimeProvider</c> it is given) the content fingerprint decides whether anything changed, so an editor's
/// temp-file-and-rename save or a git checkout of many files gives one reload, and a save that leaves the
/// content as it was gives none. Every attempt is reported to the notifiers. Run by a hosted service in the host.
/// </summary>
public sealed partial class KnowledgeWatcher(
    KnowledgeStore store,
    IEnumerable<IReloadNotifier> notifiers,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeWatcher> logger)
{
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private string _lastFingerprint = store.Current.Version;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var watcher = StartWatching();
        using var scan = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.ScanIntervalMilliseconds), time);
        var scanning = ScanAsync(scan, cancellationToken);
        try
        {
            while (await _dirty.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await DebounceAsync(cancellationToken).ConfigureAwait(false);
                if (Fingerprint() != _lastFingerprint)
                {
                    await ReloadNowAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    LogUnchanged();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await scanning.ConfigureAwait(false);
    }

    /// <summary>Reloads at once (the moderators' "reload" command) and tells the notifiers.</summary>
    public async Task<ReloadReport> ReloadNowAsync(CancellationToken cancellationToken)
    {
        _lastFingerprint = Fingerprint();
        var report = store.Reload();
        foreach (var notifier in notifiers)
        {
            try
            {
                await notifier.NotifyAsync(report, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogNotifierFailed(e);
            }
        }

        return report;
    }

    /// <summary>Something in the folder changed (a file event, or the scan saw a new fingerprint): check it once the folder is quiet.</summary>
    internal void FolderChanged() => _dirty.Writer.TryWrite(true);

    /// <summary>Waits until no change came for a whole debounce: each change during the wait starts it again.</summary>
    private async Task DebounceAsync(CancellationToken cancellationToken)
    {
        var quiet = TimeSpan.FromMilliseconds(options.Value.ReloadDebounceMilliseconds);
        do
        {
            _dirty.Reader.TryRead(out _);
            await Task.Delay(quiet, time, cancellationToken).ConfigureAwait(false);
        }
        while (_dirty.Reader.TryRead(out _));
    }

    private async Task ScanAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (Fingerprint() != _lastFingerprint)
                {
                    FolderChanged();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private FileSystemWatcher? StartWatching()
    {
        try
        {
            var watcher = new FileSystemWatcher(store.Folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            FileSystemEventHandler changed = (_, _) => FolderChanged();
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (_, _) => FolderChanged();
            watcher.Error += (_, e) => LogWatchingFailed(e.GetException());
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            LogCannotWatch(e, store.Folder);
            return null;
        }
    }

    private string Fingerprint()
    {
        try
        {
            return KnowledgeLoader.VersionOf(KnowledgeLoader.ReadFiles(store.Folder));
        }
        catch (IOException)
        {
            // A file mid-write or mid-rename: try again on the next event or scan.
            return _lastFingerprint;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The knowledge folder changed on disk but its content did not; nothing to reload")]
    private partial void LogUnchanged();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reload notifier failed; the reload itself stands")]
    private partial void LogNotifierFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File watching failed; the periodic scan still picks up edits")]
    private partial void LogWatchingFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Folder}; relying on the periodic scan")]
    private partial void LogCannotWatch(Exception exception, string folder);
}
