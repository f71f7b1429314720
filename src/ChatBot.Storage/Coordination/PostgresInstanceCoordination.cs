using System.Security.Cryptography;
using System.Text;
using ChatBot.Core.Coordination;
using ChatBot.Core.Operations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatBot.Storage.Coordination;

/// <summary>
/// Coordination through the PostgreSQL server several instances share: a claim is a row in
/// <c>chatbot_claims</c> (inserted by the first instance, ignored by the rest until it expires or is released), a lock
/// is a session advisory lock held on a connection of its own. When the server cannot be reached the
/// instance goes ahead alone (claims granted, locks local), logging and counting each failure.
/// </summary>
public sealed partial class PostgresInstanceCoordination : IInstanceCoordination, IAsyncDisposable
{
    /// <summary>An arbitrary constant: instances starting together take turns creating the table under this advisory lock.</summary>
    private const long SchemaLockId = 7_245_031_002;

    /// <summary>Connections one instance may open for claims and locks, unless the connection string allows fewer.</summary>
    public const int MaxConnections = 24;

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly SingleInstanceCoordination _alone;
    private readonly ChatBotMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresInstanceCoordination> _logger;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;
    private long _nextSweep;
    private long _lastWarning = long.MinValue;

    public PostgresInstanceCoordination(string connectionString, ChatBotMetrics metrics, TimeProvider time, ILogger<PostgresInstanceCoordination> logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, MaxConnections);
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
        _alone = new SingleInstanceCoordination(time);
        (_metrics, _time, _logger) = (metrics, time, logger);
    }

    public string Description { get; }

    public async ValueTask<bool> ClaimAsync(IReadOnlyCollection<string> keys, TimeSpan keep, CancellationToken cancellationToken)
    {
        var sorted = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (sorted.Length == 0)
        {
            return true;
        }

        try
        {
            await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
            var command = _dataSource.CreateCommand(CoordinationSql.Claim);
            await using var commandDisposal = command.ConfigureAwait(false);
            command.Parameters.Add(new NpgsqlParameter<string[]>("keys", sorted));
            command.Parameters.Add(new NpgsqlParameter<TimeSpan>("keep", keep));
            var claimed = 0;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    claimed++;
                }
            }

            await SweepWhenDueAsync(cancellationToken).ConfigureAwait(false);
            return claimed == sorted.Length;
        }
        catch (Exception ex) when (Unavailable(ex, cancellationToken))
        {
            Failed("claim", ex);
            return true;
        }
    }

    public async ValueTask ReleaseAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return;
        }

        try
        {
            await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
            var command = _dataSource.CreateCommand(CoordinationSql.Release);
            await using var commandDisposal = command.ConfigureAwait(false);
            command.Parameters.Add(new NpgsqlParameter<string[]>("keys", distinct));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Unavailable(ex, cancellationToken))
        {
            Failed("release", ex);
        }
    }

    public async ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var id = LockId(name);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand(CoordinationSql.Lock, connection);
            await using var commandDisposal = command.ConfigureAwait(false);
            command.Parameters.Add(new NpgsqlParameter<long>("id", id));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new AdvisoryLock(connection, id);
        }
        catch (Exception ex) when (Unavailable(ex, cancellationToken))
        {
            await DisposeQuietlyAsync(connection).ConfigureAwait(false);
            Failed("lock", ex);
            return await _alone.AcquireAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DisposeQuietlyAsync(connection).ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _schemaGate.Dispose();
    }

    /// <summary>A stable 64-bit lock id for a name: the same in every instance and every release.</summary>
    internal static long LockId(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("chatbot-lock:" + name)), 0);

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionDisposal = connection.ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionDisposal = transaction.ConfigureAwait(false);
            var command = new NpgsqlCommand(CoordinationSql.CreateTable, connection, transaction);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<long>("id", SchemaLockId));
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
            LogCoordinating(Description);
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private async Task SweepWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + (long)(SweepEvery.TotalSeconds * _time.TimestampFrequency), due) != due)
        {
            return;
        }

        var command = _dataSource.CreateCommand(CoordinationSql.Sweep);
        await using var commandDisposal = command.ConfigureAwait(false);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Failed(string operation, Exception ex)
    {
        _metrics.CoordinationFailed(operation);
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarning);
        if ((last == long.MinValue || _time.GetElapsedTime(last, now) >= WarnEvery) && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
        {
            LogUnavailable(operation, Description, ex.Message);
        }
    }

    private static bool Unavailable(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or IOException;

    private static async ValueTask DisposeQuietlyAsync(NpgsqlConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Coordinating with other instances through {Store}.")]
    private partial void LogCoordinating(string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Coordination {Operation} failed ({Store}: {Error}); this instance goes ahead alone, so another may answer the same event. Repeats are counted in chatbot.coordination.failures and logged at most once a minute.")]
    private partial void LogUnavailable(string operation, string store, string error);

    /// <summary>A session advisory lock; released (and its connection returned) on dispose.</summary>
    private sealed class AdvisoryLock(NpgsqlConnection connection, long id) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                var command = new NpgsqlCommand(CoordinationSql.Unlock, connection);
                await using var commandDisposal = command.ConfigureAwait(false);
                command.Parameters.Add(new NpgsqlParameter<long>("id", id));
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException)
            {
                // The connection is gone, and with it the lock.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
