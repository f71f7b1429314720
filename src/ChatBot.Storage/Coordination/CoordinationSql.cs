namespace ChatBot.Storage.Coordination;

/// <summary>The SQL of <see cref="PostgresInstanceCoordination"/>.</summary>
internal static class CoordinationSql
{
    public const string CreateTable = """
        SELECT pg_advisory_xact_lock(@id);
        CREATE TABLE IF NOT EXISTS chatbot_claims (
            key TEXT PRIMARY KEY,
            expires_at TIMESTAMPTZ NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_chatbot_claims_expires_at ON chatbot_claims (expires_at);
        """;

    /// <summary>
    /// Claims all keys, or none when one is held: rows come back only for keys this call inserted (or
    /// took over after they expired). Keys are inserted in order, so concurrent claims cannot deadlock;
    /// when two race for one key, the second waits for the first to commit and gets no row for it.
    /// </summary>
    public const string Claim = """
        WITH wanted AS (SELECT unnest(@keys) AS key),
        held AS (SELECT 1 FROM chatbot_claims c JOIN wanted w ON c.key = w.key WHERE c.expires_at > now())
        INSERT INTO chatbot_claims AS c (key, expires_at)
        SELECT key, now() + @keep FROM wanted WHERE NOT EXISTS (SELECT 1 FROM held) ORDER BY key
        ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE c.expires_at <= now()
        RETURNING c.key
        """;

    /// <summary>Gives claims up (work that was claimed but not done), whoever holds them and however long they had left.</summary>
    public const string Release = "DELETE FROM chatbot_claims WHERE key = ANY(@keys)";

    public const string Sweep = "DELETE FROM chatbot_claims WHERE expires_at < now()";

    public const string Lock = "SELECT pg_advisory_lock(@id)";

    public const string Unlock = "SELECT pg_advisory_unlock(@id)";
}
