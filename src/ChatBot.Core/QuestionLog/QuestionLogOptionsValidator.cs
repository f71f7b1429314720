using Microsoft.Extensions.Options;

namespace ChatBot.Core.QuestionLog;

/// <summary>
/// Every message names the setting at fault; connection strings and keys are never echoed. Whether a
/// connection string parses is for the store's driver to say (ChatBot.Storage adds that check).
/// </summary>
public sealed class QuestionLogOptionsValidator : IValidateOptions<QuestionLogOptions>
{
    public const int MinimumKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, QuestionLogOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        const string prefix = QuestionLogOptions.Section + ":";
        if (options.RetentionDays is < 1 or > 3650)
        {
            failures.Add($"{prefix}RetentionDays must be between 1 and 3650 (got {options.RetentionDays})");
        }

        if (options.PurgeInterval < TimeSpan.FromMinutes(1) || options.PurgeInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"{prefix}PurgeInterval must be between 00:01:00 and 1.00:00:00");
        }

        if (options.QueueCapacity is < 100 or > 1_000_000)
        {
            failures.Add($"{prefix}QueueCapacity must be between 100 and 1000000");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"{prefix}BatchSize must be between 1 and 10000");
        }

        if (options.LowConfidenceMargin is < 0 or > 1)
        {
            failures.Add($"{prefix}LowConfidenceMargin must be between 0 and 1");
        }

        if (options.UserIdKey is { } key && key.Length < MinimumKeyLength)
        {
            failures.Add($"{prefix}UserIdKey must be at least {MinimumKeyLength} characters (e.g. the output of 'openssl rand -base64 48')");
        }

        if (options.Provider == QuestionLogProvider.Postgres && options.ConnectionString.Length == 0)
        {
            failures.Add($"{prefix}ConnectionString is required when {prefix}Provider is Postgres");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
