using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ChatBot.Storage.QuestionLog;

/// <summary>The default store: one local file, created (with its folder) on first use, in WAL mode so the CLI can read while the bot writes.</summary>
public sealed class SqliteQuestionLogStore : QuestionLogStore
{
    private readonly string? _file;

    private SqliteQuestionLogStore(string connectionString, string? file)
        : base(SqliteFactory.Instance.CreateDataSource(connectionString)) => _file = file;

    public override string Description => $"SQLite {_file ?? "in memory"}";

    protected override string IdentityColumn => "INTEGER PRIMARY KEY";

    public static SqliteQuestionLogStore Create(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:")
        {
            return new SqliteQuestionLogStore(builder.ToString(), null);
        }

        // Relative paths are taken from the working directory, like the knowledge folder.
        builder.DataSource = Path.GetFullPath(builder.DataSource);
        return new SqliteQuestionLogStore(builder.ToString(), builder.DataSource);
    }

    protected override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The log holds question text: a new folder and file are readable by the bot's user only (SQLite gives its -wal/-shm files the same mode).</summary>
    protected override void PrepareLocation()
    {
        if (_file is null || File.Exists(_file))
        {
            return;
        }

        var folder = Path.GetDirectoryName(_file)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            using var file = new FileStream(_file, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(_file))
        {
            // Another instance created it first.
        }
    }
}
