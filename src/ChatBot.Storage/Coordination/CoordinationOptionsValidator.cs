using ChatBot.Core.Coordination;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatBot.Storage.Coordination;

/// <summary>Stops the start with one line naming the setting when PostgreSQL coordination has no usable connection string.</summary>
internal sealed class CoordinationOptionsValidator : IValidateOptions<CoordinationOptions>
{
    public ValidateOptionsResult Validate(string? name, CoordinationOptions options)
    {
        if (options.Mode != CoordinationMode.Postgres)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "Coordination:ConnectionString is required when Coordination:Mode is Postgres (or keep the question log in PostgreSQL: QuestionLog:Provider=Postgres with its ConnectionString).");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Coordination:ConnectionString is not a PostgreSQL connection string ({ex.Message}).");
        }
    }
}
