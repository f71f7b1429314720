namespace ChatBot.Core.QuestionLog;

/// <summary>Configuration section "QuestionLog". Checked at start by <see cref="QuestionLogOptionsValidator"/>.</summary>
public sealed class QuestionLogOptions
{
    public const string Section = "QuestionLog";

    public const string DefaultSqliteConnectionString = "Data Source=.data/questions.db";

    /// <summary>False turns the log off entirely: nothing about a question is kept, feedback stays in memory.</summary>
    public bool Enabled { get; set; } = true;

    public QuestionLogProvider Provider { get; set; } = QuestionLogProvider.Sqlite;

    /// <summary>ADO.NET connection string; empty means <see cref="DefaultSqliteConnectionString"/> for SQLite. Required for Postgres.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Secret for the keyed hash (HMAC-SHA256) of user ids, at least 32 characters. When missing, a random
    /// key held only in memory is used: ids cannot be linked across restarts, and a warning says so.
    /// </summary>
    public string? UserIdKey { get; set; }

    /// <summary>Keep the text of questions that raised a safety flag. Off by default: only the flags are kept.</summary>
    public bool StoreSafetyText { get; set; }

    /// <summary>Questions and votes older than this are deleted by the purge.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the background purge runs.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Records waiting to be written; when full, new records are dropped (and counted), never waited for.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most records written in one transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>An answer whose confidence is below the retrieval threshold plus this margin counts as a gap.</summary>
    public double LowConfidenceMargin { get; set; } = 0.1;

    public string EffectiveConnectionString =>
        ConnectionString.Length == 0 && Provider == QuestionLogProvider.Sqlite ? DefaultSqliteConnectionString : ConnectionString;
}
