using ChatBot.Core.QuestionLog;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatBot.Storage.QuestionLog;

/// <summary>
/// The driver's half of the question log's checks at start: the connection string parses, and a SQLite one
/// names a file. Core's validator covers the rest. The string itself is never echoed: it may hold a password.
/// </summary>
public sealed class QuestionLogConnectionStringValidator : IValidateOptions<QuestionLogOptions>
{
    private const string Setting = QuestionLogOptions.Section + ":ConnectionString";

    public ValidateOptionsResult Validate(string? name, QuestionLogOptions options)
    {
        // Off, or a missing PostgreSQL string, which Core's validator reports.
        if (!options.Enabled || options.EffectiveConnectionString.Length == 0)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            if (options.Provider == QuestionLogProvider.Postgres)
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            else if (string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(options.EffectiveConnectionString).DataSource))
            {
                return ValidateOptionsResult.Fail($"{Setting} must name a file (Data Source=...)");
            }

            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return ValidateOptionsResult.Fail($"{Setting} is not a valid {options.Provider} connection string");
        }
    }
}
