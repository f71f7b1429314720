using Microsoft.Data.Sqlite;

namespace ChatBot.Storage.QuestionLog;

/// <summary>Where a SQLite connection string's file is, taken from a given folder when the path is relative.</summary>
public static class SqliteDataSourcePath
{
    /// <summary>
    /// The connection string with its data source made absolute against <paramref name="folder"/>. In-memory
    /// databases, <c>file:</c> URIs and malformed strings (the options validator names them) are returned as they are.
    /// </summary>
    public static string Resolve(string connectionString, string folder)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return connectionString;
        }

        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, folder);
        return builder.ToString();
    }
}
