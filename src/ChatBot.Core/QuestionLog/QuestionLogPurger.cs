using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.QuestionLog;

/// <summary>Enforces the retention: deletes everything older than <see cref="QuestionLogOptions.RetentionDays"/>, at start and then periodically.</summary>
public sealed partial class QuestionLogPurger(
    IQuestionLogStore store,
    IOptions<QuestionLogOptions> options,
    TimeProvider time,
    ILogger<QuestionLogPurger> logger)
{
    public async Task<PurgeResult> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var result = await store.PurgeAsync(cutoff, cancellationToken).ConfigureAwait(false);
        if (result.Questions + result.Votes > 0)
        {
            LogPurged(result.Questions, result.Votes, result.Cutoff);
        }

        return result;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await PurgeAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store may be down; the next run catches up, since the purge deletes by age.
                    LogPurgeFailed(e.GetType().Name, e.Message, options.Value.PurgeInterval);
                }

                await Task.Delay(options.Value.PurgeInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Question log purge removed {Questions} question(s) and {Votes} vote(s) older than {Cutoff:u}")]
    private partial void LogPurged(int questions, int votes, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question log purge failed ({Error}: {Message}); next try in {Interval}")]
    private partial void LogPurgeFailed(string error, string message, TimeSpan interval);
}
