using ChatBot.Core.QuestionLog;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Host.QuestionLog;

/// <summary>
/// Runs the question log writer; on stop it drains what is queued. Not a BackgroundService: since .NET 10
/// that may never start ExecuteAsync when the host stops quickly, and then nothing would be drained.
/// Registered before the adapters, so it stops after them.
/// </summary>
public sealed class QuestionLogWriterService(QuestionLogWriter writer) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = Task.Run(() => writer.RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();
}
