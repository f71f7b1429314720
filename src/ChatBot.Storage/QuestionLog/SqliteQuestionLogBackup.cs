using Microsoft.Data.Sqlite;

namespace ChatBot.Storage.QuestionLog;

/// <summary>
/// A consistent copy of a SQLite question log through SQLite's online backup, safe while the bot writes.
/// The copy holds question text, so like the log it is created readable by its owner only.
/// </summary>
public static class SqliteQuestionLogBackup
{
    /// <returns>How many questions the copy holds.</returns>
    /// <exception cref="FileNotFoundException">There is no log file at the configured place.</exception>
    public static async Task<long> CopyAsync(string connectionString, string targetFile, CancellationToken cancellationToken)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite };
        if (!File.Exists(source.DataSource))
        {
            throw new FileNotFoundException($"there is no question log at {source.DataSource}", source.DataSource);
        }

        CreateOwnerOnly(targetFile);
        var from = new SqliteConnection(source.ToString());
        await using var fromDisposal = from.ConfigureAwait(false);
        var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = targetFile, Pooling = false }.ToString());
        await using var toDisposal = to.ConfigureAwait(false);
        await from.OpenAsync(cancellationToken).ConfigureAwait(false);
        await to.OpenAsync(cancellationToken).ConfigureAwait(false);
        from.BackupDatabase(to);

        var count = to.CreateCommand();
        await using var countDisposal = count.ConfigureAwait(false);
        count.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'chatbot_questions'";
        if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        count.CommandText = "SELECT COUNT(*) FROM chatbot_questions";
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void CreateOwnerOnly(string file)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var created = new FileStream(file, options);
    }
}
