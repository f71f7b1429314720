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
            Safety(),
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
        var json = new Option<bool>("--json") { Description = "Write one JSON object per input line (the stable contract in docs/command-line.md)" };
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

        var checkMessage = Words("message", "The message to check", ArgumentArity.OneOrMore);
        var check = new Command("check", "What the bot would do with a message and why: outcome, entry, confidence, runner-up, red flags") { checkMessage };
        check.SetAction(parse => FaqCommands.Check(Arguments(parse), string.Join(' ', parse.GetValue(checkMessage) ?? [])));

        var test = new Command("test", "Run the moderators' expectations (knowledge/tests.yaml); exit 1 on any failure");
        test.SetAction(parse => FaqCommands.Test(Arguments(parse)));

        var against = new Option<string>("--against") { Description = "The live knowledge folder to compare with (default: the configured Knowledge:Path)", HelpName = "DIR" };
        var questionSet = new Option<string>("--questions") { Description = "Also replay a question set (e.g. eval/questions-tune.yaml)", HelpName = "FILE" };
        var diff = new Command("diff", "What an edited knowledge folder (--knowledge DIR) would answer differently from the live one") { against, questionSet };
        diff.SetAction(parse => FaqCommands.Diff(Arguments(parse), FullPath(parse.GetValue(against)) ?? FaqCommands.ConfiguredFolder(Arguments(parse)), FullPath(parse.GetValue(questionSet))));

        var coverage = new Command("coverage", "Article sentences no entry cites");
        coverage.SetAction(parse => FaqCommands.Coverage(Arguments(parse)));

        var file = new Argument<string>("file") { Description = "A question set (YAML list of q, expect, must_mention, flag, topics)" };
        var verbose = new Option<bool>("--verbose") { Description = "List every question, not only the misses" };
        var figuresOnly = new Option<bool>("--figures-only") { Description = "Print the figures and no message, not even a miss: for a holdout set, whose misses must stay unread" };
        var minAnswer = Rate("--min-answer", "Exit 1 when fewer answerable questions are answered with their facts");
        var minNoAnswer = Rate("--min-no-answer", "Exit 1 when fewer uncovered questions are refused");
        var minRecall = Rate("--min-recall", "Exit 1 when any red-flag category catches fewer of its messages");
        var minUrgent = Rate("--min-urgent-recall", "Exit 1 when self-harm, emergency or ingestion catch fewer of theirs");
        var maxFalse = Rate("--max-false-alarms", "Exit 1 when more look-alikes raise a flag");
        var maxReplace = Rate("--max-replace-false-alarms", "Exit 1 when more look-alikes lose their answer to an urgent flag");
        var eval = new Command("eval", "Replay a question set, print rates and misses; exit 1 below a floor given") { file, verbose, figuresOnly, minAnswer, minNoAnswer, minRecall, minUrgent, maxFalse, maxReplace };
        eval.SetAction(parse => EvalCommand.Run(Arguments(parse, verbose: parse.GetValue(verbose)), parse.GetValue(file)!, parse.GetValue(figuresOnly), new Core.Evaluation.EvaluationFloors
        {
            Answer = parse.GetValue(minAnswer),
            NoAnswer = parse.GetValue(minNoAnswer),
            Recall = parse.GetValue(minRecall),
            UrgentRecall = parse.GetValue(minUrgent),
            FalseAlarms = parse.GetValue(maxFalse),
            ReplaceFalseAlarms = parse.GetValue(maxReplace),
        }));

        var days = new Option<string>("--days") { Description = $"How many days back (default {LogCommands.DefaultDays})", HelpName = "N" };
        var gapsJson = new Option<bool>("--json") { Description = "Write the report as JSON" };
        var gaps = new Command("gaps", "Unanswered and low-confidence questions from the question log, grouped") { days, gapsJson };
        gaps.SetAction((parse, _) => LogCommands.GapsAsync(Arguments(parse, json: parse.GetValue(gapsJson)), parse.GetValue(days)));

        var feedbackJson = new Option<bool>("--json") { Description = "Write the report as JSON" };
        var feedback = new Command("feedback", "Entries with the most thumbs-down, with sample questions") { feedbackJson };
        feedback.SetAction((parse, _) => LogCommands.FeedbackAsync(Arguments(parse, json: parse.GetValue(feedbackJson))));

        return new Command("faq", "Moderator tools for the FAQ") { validate, test, check, diff, preview, coverage, eval, gaps, feedback };
    }

    private Command Safety()
    {
        var json = new Option<bool>("--json") { Description = "Write the explanation as JSON" };
        var message = Words("message", "The message to check", ArgumentArity.OneOrMore);
        var check = new Command("check", "Which red flags a message raises and why: the pattern, or the nearest example and look-alike") { message, json };
        check.SetAction(parse => SafetyCheckCommand.Run(Arguments(parse, json: parse.GetValue(json)), string.Join(' ', parse.GetValue(message) ?? [])));
        return new Command("safety", "Moderator tools for the red-flag triage") { check };
    }

    /// <summary>A rate between 0 and 1, for the floors of <c>faq eval</c>.</summary>
    private static Option<double?> Rate(string name, string description)
    {
        var option = new Option<double?>(name) { Description = description + " (a rate, 0 to 1)", HelpName = "R" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } rate && rate is < 0 or > 1)
            {
                result.AddError($"{name} must be between 0 and 1, for example 0.95.");
            }
        });
        return option;
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
