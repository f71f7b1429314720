using System.CommandLine;

namespace ChatBot.Host.Cli;

/// <summary>
/// The verbs, their options and arguments, and which class runs each. Exit codes: 0 ok, 1 invalid
/// knowledge, 2 bad usage or configuration.
/// </summary>
public sealed class ChatBotCommandTree
{
    private readonly string[] _settings;
    private readonly bool _literalWords;

    private readonly Option<string> _knowledge = new("--knowledge")
    {
        Description = "The knowledge folder (default: Knowledge:Path, relative to the content root)",
        HelpName = "DIR",
        Recursive = true,
    };

    private readonly Option<string> _contentRoot = new("--content-root")
    {
        Description = "The folder holding appsettings.json; knowledge/, .data/ and .cache/ are found from it (default: next to the executable, or the repository root)",
        HelpName = "DIR",
        Recursive = true,
    };

    /// <param name="settings">Configuration overrides (<c>--Section:Key=value</c>) taken out before parsing.</param>
    /// <param name="literalWords">True when a bare <c>--</c> was given: words that look like options are then question text.</param>
    public ChatBotCommandTree(string[] settings, bool literalWords)
    {
        _settings = settings;
        _literalWords = literalWords;
        Root = new RootCommand("""
            Answers questions about magnesium L-threonate and sleep from a checked FAQ. With no command it runs the bot:
            on Discord and Slack when their tokens are configured, else as a chat in the terminal.
            Any setting can be overridden as --Section:Key=value (e.g. --Retrieval:Mode=Lexical).
            Exit codes: 0 success, 1 invalid knowledge, 2 bad usage or configuration.
            """)
        {
            _knowledge,
            _contentRoot,
            Chat(),
            Ask(),
            Faq(),
            Log(),
            Help(),
        };
        Root.Directives.Clear(); // a question may start with "[": no directive syntax
        Root.SetAction((parse, _) => RunCommand.RunAsync(Arguments(parse), explicitChat: false));
    }

    public RootCommand Root { get; }

    private Command Chat()
    {
        var chat = new Command("chat", "Chat with the bot in the terminal, or answer questions piped to standard input");
        chat.SetAction((parse, _) => RunCommand.RunAsync(Arguments(parse), explicitChat: true));
        return chat;
    }

    private Command Ask()
    {
        var json = new Option<bool>("--json") { Description = "Write one JSON object per input line (the stable contract in the README)" };
        var question = Words("question", "The question; without it, one question per standard input line", ArgumentArity.ZeroOrMore);
        var ask = new Command("ask", "Answer one question as a user sees it, or one per standard input line") { json, question };
        ask.SetAction((parse, _) => AskCommand.RunAsync(Arguments(parse, json: parse.GetValue(json)), parse.GetValue(question) ?? []));
        return ask;
    }

    private Command Faq()
    {
        var validate = new Command("validate", "Check the FAQ; exit code 1 on any error");
        validate.SetAction(parse => FaqCommands.Validate(Arguments(parse)));

        var question = Words("question", "The question to match", ArgumentArity.OneOrMore);
        var preview = new Command("preview", "Top 5 candidates for a question, with scores and why") { question };
        preview.SetAction(parse => FaqCommands.Preview(Arguments(parse), string.Join(' ', parse.GetValue(question) ?? [])));

        var coverage = new Command("coverage", "Article sentences no entry cites");
        coverage.SetAction(parse => FaqCommands.Coverage(Arguments(parse)));

        var file = new Argument<string>("file") { Description = "A question set (YAML list of q, expect, must_mention, flag)" };
        var verbose = new Option<bool>("--verbose") { Description = "List every question, not only the misses" };
        var eval = new Command("eval", "Replay a question set, print pass rates and misses") { file, verbose };
        eval.SetAction(parse => EvalCommand.Run(Arguments(parse, verbose: parse.GetValue(verbose)), parse.GetValue(file)!));

        var days = new Option<string>("--days") { Description = $"How many days back (default {LogCommands.DefaultDays})", HelpName = "N" };
        var gapsJson = new Option<bool>("--json") { Description = "Write the report as JSON" };
        var gaps = new Command("gaps", "Unanswered and low-confidence questions from the question log, grouped") { days, gapsJson };
        gaps.SetAction((parse, _) => LogCommands.GapsAsync(Arguments(parse, json: parse.GetValue(gapsJson)), parse.GetValue(days)));

        var feedbackJson = new Option<bool>("--json") { Description = "Write the report as JSON" };
        var feedback = new Command("feedback", "Entries with the most thumbs-down, with sample questions") { feedbackJson };
        feedback.SetAction((parse, _) => LogCommands.FeedbackAsync(Arguments(parse, json: parse.GetValue(feedbackJson))));

        return new Command("faq", "Moderator tools for the FAQ") { validate, preview, coverage, eval, gaps, feedback };
    }

    private Command Log()
    {
        var purge = new Command("purge", "Delete logged questions older than the retention now");
        purge.SetAction((parse, _) => LogCommands.PurgeAsync(Arguments(parse)));

        var path = new Argument<string>("path") { Description = "The backup file to create (SQLite; it must not exist yet)" };
        var backup = new Command("backup", "Copy the question log to a new SQLite file while the bot runs (PostgreSQL: use pg_dump)") { path };
        backup.SetAction((parse, _) => LogBackupCommand.RunAsync(Arguments(parse), parse.GetValue(path)!));

        return new Command("log", "The question log") { purge, backup };
    }

    private Command Help()
    {
        var help = new Command("help", "Show help") { Hidden = true };
        help.SetAction(_ => Root.Parse(["--help"]).Invoke());
        return help;
    }

    /// <summary>Free words (a question); a word that looks like an option is an unknown option, unless a bare <c>--</c> came first.</summary>
    private Argument<string[]> Words(string name, string description, ArgumentArity arity)
    {
        var words = new Argument<string[]>(name) { Description = description, Arity = arity };
        words.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !_literalWords && LooksLikeOption(t.Value)))
            {
                result.AddError($"Unrecognized option '{token.Value}' (to ask a question that starts with '-', put '--' before it).");
            }
        });
        return words;
    }

    private static bool LooksLikeOption(string word) => word.Length > 1 && word[0] == '-' && !word.Any(char.IsWhiteSpace);

    private CliArguments Arguments(ParseResult parse, bool json = false, bool verbose = false) =>
        new(FullPath(parse.GetValue(_knowledge)), json, verbose, _settings, FullPath(parse.GetValue(_contentRoot)));

    private static string? FullPath(string? path) => string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path);
}
