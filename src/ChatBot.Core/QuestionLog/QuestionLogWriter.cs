using ChatBot.Core.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.QuestionLog;

/// <summary>
/// Drains the queue into the store in batches. A failed batch is dropped — the bot keeps answering — and
/// a warning says how many records were lost; the writer then backs off before trying again. Nothing of
/// a question is ever logged: only counts and the store's error.
/// </summary>
public sealed partial class QuestionLogWriter(
    QuestionLogQueue queue,
    IQuestionLogStore store,
    IOptions<QuestionLogOptions> options,
    TimeProvider time,
    ILogger<QuestionLogWriter> logger)
{
    /// <summary>After a failed write: up to 1 s, doubling with each failure in a row, never past 30 s.</summary>
    private static readonly Backoff StoreRetry = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly int _batchSize = options.Value.BatchSize;
    private int _failures;
    private long _droppedSinceStart;
    private long _written;

    /// <summary>Records written since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Records lost since start (store failures and a full queue).</summary>
    public long Dropped => Interlocked.Read(ref _droppedSinceStart);

    /// <summary>
    /// Writes until <paramref name="stopping"/> is cancelled, then drains what is queued. A write in
    /// progress is never cut by the stop itself, only by the drain deadline a few seconds later.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        LogStarting(store.Description, options.Value.RetentionDays, options.Value.StoreSafetyText ? "kept" : "not stored");
        using var writes = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        await using var deadline = stopping.Register(() => writes.CancelAfter(DrainTimeout)).ConfigureAwait(false);
        var batch = new List<QuestionLogRecord>(_batchSize);
        try
        {
            await TryAsync(() => store.EnsureSchemaAsync(writes.Token), 0, writes.Token, stopping).ConfigureAwait(false);
            while (await queue.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                await WriteBatchAsync(batch, writes.Token, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        try
        {
            _failures = 0;
            while (queue.Reader.Count > 0 && !writes.IsCancellationRequested)
            {
                await WriteBatchAsync(batch, writes.Token, writes.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (writes.IsCancellationRequested)
        {
        }

        ReportDropped(queue.Reader.Count, "the bot stopped before they were written");
    }

    private async Task WriteBatchAsync(List<QuestionLogRecord> batch, CancellationToken write, CancellationToken wait)
    {
        while (batch.Count < _batchSize && queue.Reader.TryRead(out var record))
        {
            batch.Add(record);
        }

        try
        {
            if (await TryAsync(() => store.AppendAsync(batch, write), batch.Count, write, wait).ConfigureAwait(false))
            {
                Interlocked.Add(ref _written, batch.Count);
            }
        }
        catch (OperationCanceledException) when (write.IsCancellationRequested)
        {
            ReportDropped(batch.Count, "the bot stopped before they were written");
            throw;
        }
        finally
        {
            batch.Clear();
        }

        ReportDropped(queue.TakeDropped(), "the queue was full");
    }

    /// <summary>Runs one write; on failure counts the records as dropped, warns, and waits out the backoff.</summary>
    private async Task<bool> TryAsync(Func<Task> write, int records, CancellationToken writeToken, CancellationToken wait)
    {
        TimeSpan delay;
        try
        {
            await write().ConfigureAwait(false);
            if (_failures > 0)
            {
                LogReachableAgain();
            }

            _failures = 0;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !writeToken.IsCancellationRequested)
        {
            // Any store failure (network, disk, permissions, schema) must leave the bot answering.
            Interlocked.Add(ref _droppedSinceStart, records);
            delay = StoreRetry.Delay(++_failures);
            LogStoreFailed(e.GetType().Name, e.Message, records, Dropped, delay.TotalSeconds);
        }

        await Task.Delay(delay, time, wait).ConfigureAwait(false);
        return false;
    }

    private void ReportDropped(long count, string reason)
    {
        if (count <= 0)
        {
            return;
        }

        Interlocked.Add(ref _droppedSinceStart, count);
        LogDropped(count, reason, Dropped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Question log: {Store}, retention {Days} days, safety-flagged question text {Kept}")]
    private partial void LogStarting(string store, int days, string kept);

    [LoggerMessage(Level = LogLevel.Information, Message = "Question log store is reachable again")]
    private partial void LogReachableAgain();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question log store failed ({Error}: {Message}); dropped {Count} record(s), {Total} since start; retrying in {Backoff:F1}s")]
    private partial void LogStoreFailed(string error, string message, int count, long total, double backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question log dropped {Count} record(s) because {Reason}; {Total} since start")]
    private partial void LogDropped(long count, string reason, long total);
}
