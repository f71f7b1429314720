namespace ChatBot.Core.QuestionLog;

/// <summary>Where the question log is kept.</summary>
public enum QuestionLogProvider
{
    /// <summary>A local file; needs no set-up. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for several bot instances sharing one log.</summary>
    Postgres,
}
