namespace ChatBot.Core.Answering;

/// <summary>Told of every reload attempt; adapters use it to tell moderators (e.g. a moderator channel).</summary>
public interface IReloadNotifier
{
    Task NotifyAsync(ReloadReport report, CancellationToken cancellationToken);
}
