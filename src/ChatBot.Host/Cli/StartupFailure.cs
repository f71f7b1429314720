using ChatBot.Core.Answering;
using Microsoft.Extensions.Options;

namespace ChatBot.Host.Cli;

/// <summary>Turns a failed start into one line naming the setting or file at fault; null for real bugs.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException e => $"invalid configuration: {string.Join("; ", e.Failures)}",
        KnowledgeInvalidException e => $"invalid knowledge: {string.Join(" | ", e.Errors.Take(5))}{(e.Errors.Count > 5 ? $" (+{e.Errors.Count - 5} more; run 'chatbot faq validate')" : "")}",
        InvalidOperationException { InnerException: FormatException or InvalidOperationException or ArgumentException } e when e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase) => $"invalid configuration: {e.Message}",
        AggregateException { InnerExceptions.Count: > 0 } e => Describe(e.InnerExceptions[0]),
        _ when exception.InnerException is not null => Describe(exception.InnerException),
        _ => null,
    };
}
