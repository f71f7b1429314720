using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ChatBot.Core.QuestionLog.Storage;

/// <summary>The default store: one local file, created (with its folder) on first use, in WAL mode so the CLI can read while the bot writes.</summary>
public sealed class SqliteQuestionLogStore : QuestionLogStore
{
    private readonly string _file;

    private SqliteQuestionLogStore(string connectionString, string file)
        : base(SqliteFactory.Instance.CreateDataSource(connectionString)) => _file = file;

    public override string Description => $"SQLite {_file}";

    protected override string IdentityColumn => "INTEGER PRIMARY KEY";

    public static SqliteQuestionLogStore Create(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:")
        {
            // Relative paths are taken from the working directory, like the knowledge folder.
            builder.DataSource = Path.GetFullPath(builder.DataSource);
        }

        return new SqliteQuestionLogStore(builder.ToString(), builder.DataSource);
    }

    protected override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override void PrepareLocation()
    {
        if (Path.GetDirectoryName(_file) is { Length: > 0 } folder && _file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
