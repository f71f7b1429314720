using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace ChatBot.Host.Cli;

/// <summary>Bad usage: each problem on one line, the parser's "did you mean" hints, then where help is. Exit code 2.</summary>
public static class ParseErrorReport
{
    public const int ExitCode = 2;

    public static int Write(ParseResult parse, TextWriter error)
    {
        foreach (var problem in MainErrors(parse))
        {
            error.WriteLine($"chatbot: {problem.Message}");
        }

        foreach (var hint in TypoHints(parse))
        {
            error.WriteLine(hint);
        }

        error.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
        return ExitCode;
    }

    /// <summary>
    /// With a word the parser could not place, the errors about that word: "faq valdate" is about 'valdate',
    /// not also about the verb it then lacks.
    /// </summary>
    private static IEnumerable<ParseError> MainErrors(ParseResult parse)
    {
        var aboutWords = parse.Errors.Where(e => parse.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))).ToArray();
        return aboutWords.Length > 0 ? aboutWords : parse.Errors;
    }

    /// <summary>The parser's own typo corrections, without its error lines and without the full help it would add.</summary>
    private static IEnumerable<string> TypoHints(ParseResult parse)
    {
        if (parse.Action is not ParseErrorAction action)
        {
            return [];
        }

        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        var written = new StringWriter();
        parse.Invoke(new InvocationConfiguration { Output = written, Error = written, EnableDefaultExceptionHandler = false });
        var messages = parse.Errors.Select(e => e.Message).ToHashSet(StringComparer.Ordinal);
        return written.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0 && !messages.Contains(l.Trim()));
    }

    private static string CommandPath(CommandResult command) =>
        command.Parent is CommandResult parent ? $"{CommandPath(parent)} {command.Command.Name}" : "chatbot";
}
