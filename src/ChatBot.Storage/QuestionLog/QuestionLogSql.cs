using System.Data.Common;
using System.Globalization;
using System.Text;
using ChatBot.Core.QuestionLog;

namespace ChatBot.Storage.QuestionLog;

/// <summary>Commands and row mapping shared by both stores. Values always travel as parameters, never in SQL text.</summary>
internal static class QuestionLogSql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    public static DbCommand InsertQuestions(DbConnection connection, DbTransaction transaction, IReadOnlyList<LoggedQuestion> rows)
    {
        var command = Command(connection, transaction, "");
        var sql = new StringBuilder("INSERT INTO chatbot_questions (asked_at, platform, outcome, entry_id, confidence, knowledge_version, safety_flags, reply_id, user_hash, question) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@a{i}, @p{i}, @o{i}, @e{i}, @c{i}, @k{i}, @s{i}, @r{i}, @u{i}, @q{i})");
            Add(command, $"a{i}", row.At.ToUnixTimeMilliseconds());
            Add(command, $"p{i}", row.Platform);
            Add(command, $"o{i}", row.Outcome);
            Add(command, $"e{i}", row.EntryId);
            Add(command, $"c{i}", row.Confidence);
            Add(command, $"k{i}", row.KnowledgeVersion);
            Add(command, $"s{i}", string.Join(',', row.SafetyFlags));
            Add(command, $"r{i}", row.ReplyId);
            Add(command, $"u{i}", row.UserHash);
            Add(command, $"q{i}", row.Question);
        }

        command.CommandText = sql.ToString();
        return command;
    }

    public static DbCommand InsertVotes(DbConnection connection, DbTransaction transaction, IReadOnlyList<LoggedVote> rows)
    {
        var command = Command(connection, transaction, "");
        var sql = new StringBuilder("INSERT INTO chatbot_feedback (voted_at, platform, user_hash, reply_id, entry_id, helpful) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@a{i}, @p{i}, @u{i}, @r{i}, @e{i}, @h{i})");
            Add(command, $"a{i}", row.At.ToUnixTimeMilliseconds());
            Add(command, $"p{i}", row.Platform);
            Add(command, $"u{i}", row.UserHash);
            Add(command, $"r{i}", row.ReplyId);
            Add(command, $"e{i}", row.EntryId);
            Add(command, $"h{i}", (short)(row.Helpful ? 1 : 0));
        }

        command.CommandText = sql.ToString();
        return command;
    }

    public static LoggedQuestion ReadQuestion(DbDataReader reader) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
        reader.GetString(1),
        reader.GetString(2),
        NullableString(reader, 3),
        reader.GetDouble(4),
        reader.GetString(5),
        reader.GetString(6).Split(',', StringSplitOptions.RemoveEmptyEntries),
        reader.GetString(7),
        NullableString(reader, 8),
        NullableString(reader, 9));

    public static StoredVote ReadVote(DbDataReader reader) => new(
        new LoggedVote(
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
            reader.GetString(1),
            NullableString(reader, 2),
            reader.GetString(3),
            NullableString(reader, 4),
            Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture) != 0),
        NullableString(reader, 6));

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
