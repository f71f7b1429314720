namespace ChatBot.Storage.QuestionLog;

/// <summary>
/// The schema, written once for both stores: only the identity column differs. Times are Unix
/// milliseconds (UTC) so both stores compare and sort them the same way. Append a migration; never edit one.
/// </summary>
internal static class QuestionLogSchema
{
    public const string VersionTable = "chatbot_schema";

    private static readonly string[] Templates =
    [
        """
        CREATE TABLE chatbot_questions (
            id {identity},
            asked_at BIGINT NOT NULL,
            platform TEXT NOT NULL,
            outcome TEXT NOT NULL,
            entry_id TEXT NULL,
            confidence DOUBLE PRECISION NOT NULL,
            knowledge_version TEXT NOT NULL,
            safety_flags TEXT NOT NULL,
            reply_id TEXT NOT NULL,
            user_hash TEXT NULL,
            question TEXT NULL
        );
        CREATE INDEX ix_chatbot_questions_asked_at ON chatbot_questions (asked_at);
        CREATE INDEX ix_chatbot_questions_reply_id ON chatbot_questions (reply_id);
        CREATE TABLE chatbot_feedback (
            id {identity},
            voted_at BIGINT NOT NULL,
            platform TEXT NOT NULL,
            user_hash TEXT NULL,
            reply_id TEXT NOT NULL,
            entry_id TEXT NULL,
            helpful SMALLINT NOT NULL
        );
        CREATE INDEX ix_chatbot_feedback_voted_at ON chatbot_feedback (voted_at);
        CREATE INDEX ix_chatbot_feedback_reply_id ON chatbot_feedback (reply_id);
        """,
    ];

    public static int LatestVersion => Templates.Length;

    /// <summary>The SQL of migration <paramref name="version"/> (1-based) for a store's identity column type.</summary>
    public static string Migration(int version, string identityColumn) =>
        Templates[version - 1].Replace("{identity}", identityColumn, StringComparison.Ordinal);
}
