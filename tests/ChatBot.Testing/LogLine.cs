using Microsoft.Extensions.Logging;

namespace ChatBot.Testing;

/// <summary>One line a logger wrote: its level, category, formatted message and the exception it carried, if any.</summary>
public sealed record LogLine(LogLevel Level, string Category, string Message, Exception? Exception)
{
    /// <summary>The message with the exception after it, as an operator reading the log would see it.</summary>
    public string FullText => Exception is null ? Message : Message + " " + Exception;
}
