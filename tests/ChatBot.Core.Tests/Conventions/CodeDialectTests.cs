using System.Text.RegularExpressions;

namespace ChatBot.Core.Tests.Conventions;

/// <summary>
/// The parts of the code dialect (docs/development.md, "Code dialect") that no analyzer checks: test names
/// read as sentences, every class is sealed, static or abstract (CA1852 sees internal types only), and a
/// constructor that only stores its parameters is a primary constructor (IDE0290 lets some through: a tuple
/// assignment, storing <c>options.Value</c>, storing into properties).
/// </summary>
public sealed partial class CodeDialectTests
{
    /// <summary>Names whose own spelling mixes cases; any other word in a test name is one case after its first letter.</summary>
    private static readonly HashSet<string> MixedCaseNames = new(StringComparer.Ordinal) { "OpenAPI", "PostgreSQL", "SQLite" };

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "TestResults" };

    private static string Root => TestKnowledge.RepositoryRoot;

    [Fact]
    public void Every_test_name_is_a_sentence()
    {
        var tests = SourceFiles("tests").SelectMany(TestNames).ToArray();
        var broken = tests.Where(t => !IsSentence(t.Name)).Select(t => $"{t.File}: {t.Name}").ToArray();

        Assert.True(tests.Length > 300, $"found only {tests.Length} tests");
        Assert.True(broken.Length == 0, "Test names that are not sentences (words joined by '_', no CamelCase words):" + Environment.NewLine + string.Join(Environment.NewLine, broken));
    }

    [Theory]
    [InlineData("A_mention_gets_one_threaded_reply", true)]
    [InlineData("Every_body_fits_the_OpenAPI_description", true)]
    [InlineData("A_429_from_Slack_is_retried_once", true)]
    [InlineData("Mention_GetsOneThreadedReply", false)]
    [InlineData("RefreshWithTenSockets_NeverOpensAnEleventh", false)]
    [InlineData("Refresh", false)]
    [InlineData("refresh_never_opens_an_eleventh", false)]
    [InlineData("Refresh__never_opens_an_eleventh", false)]
    public void A_sentence_is_capitalised_words_joined_by_underscores(string name, bool sentence) =>
        Assert.Equal(sentence, IsSentence(name));

    [Fact]
    public void Every_class_is_sealed_static_or_abstract()
    {
        var declarations = SourceFiles("src").Concat(SourceFiles("tests")).SelectMany(ClassDeclarations).ToArray();
        var open = declarations.GroupBy(d => d.Name, StringComparer.Ordinal)
            .Where(g => !g.Any(d => d.Closed))
            .Select(g => $"{g.First().File}: {g.Key}")
            .ToArray();

        Assert.True(declarations.Length > 300, $"found only {declarations.Length} classes");
        Assert.True(open.Length == 0, "Classes that are neither sealed, static nor abstract:" + Environment.NewLine + string.Join(Environment.NewLine, open));
    }

    [Theory]
    [InlineData("public sealed class Gate", true)]
    [InlineData("internal static partial class Log", true)]
    [InlineData("public abstract class Store(DbDataSource source) : IStore", true)]
    [InlineData("public sealed record Reply(string Text);", true)]
    [InlineData("public class Gate", false)]
    [InlineData("internal partial class Gate", false)]
    [InlineData("public record Reply(string Text);", false)]
    public void A_class_declaration_is_closed_when_sealed_static_or_abstract(string line, bool closed) =>
        Assert.Equal(closed, ClassDeclarationPattern().Match(line) is { Success: true } m && IsClosed(m));

    [Fact]
    public void No_constructor_only_stores_its_parameters()
    {
        var files = SourceFiles("src").ToArray();
        var storing = files
            .SelectMany(f => ConstructorsOnlyStoring(File.ReadAllText(f)).Select(name => $"{Path.GetRelativePath(Root, f)}: {name}"))
            .ToArray();

        Assert.True(files.Length > 100, $"found only {files.Length} source files");
        Assert.True(storing.Length == 0, "Constructors that only store their parameters (make them primary constructors):" + Environment.NewLine + string.Join(Environment.NewLine, storing));
    }

    [Theory]
    [InlineData("public Gate(int a, int b) => (_a, _b) = (a, b);", true)]
    [InlineData("public Gate(IOptions<GateOptions> options, ILogger<Gate> logger)\n    {\n        (_options, _logger) = (options.Value, logger);\n    }", true)]
    [InlineData("internal Gate(Store store, TimeProvider time) { _store = store; this.time = time; }", true)]
    [InlineData("public Gate(Store store) { _store = store; _gate = new SemaphoreSlim(1, 1); }", false)]
    [InlineData("public Gate(int limit) { ArgumentOutOfRangeException.ThrowIfNegative(limit); _limit = limit; }", false)]
    [InlineData("public Gate(int limit) => _limit = limit * 2;", false)]
    [InlineData("public Gate(Store? store) => _store = store ?? throw new ArgumentNullException(nameof(store));", false)]
    [InlineData("public Gate(int limit) : this(limit, 0) { }", false)]
    [InlineData("public Gate() { }", false)]
    [InlineData("public sealed class Gate(int limit)", false)]
    [InlineData("private Gate(int limit) => _limit = limit;", false)]
    [InlineData("public sealed class Gate\n{\n    internal Gate(int limit) => _limit = limit;\n}", false)]
    [InlineData("internal sealed class Gate\n{\n    internal Gate(int limit) => _limit = limit;\n}", true)]
    public void A_constructor_only_stores_when_its_body_is_nothing_but_parameters_assigned_to_fields(string source, bool storing) =>
        Assert.Equal(storing, ConstructorsOnlyStoring(source).Any());

    /// <summary>The names of the constructors in <paramref name="source"/> that could be primary constructors but are not.</summary>
    internal static IEnumerable<string> ConstructorsOnlyStoring(string source) =>
        ConstructorDeclaration().Matches(source)
            .Where(c => OnlyStoresParameters(c) && !NarrowsItsType(c, source))
            .Select(c => c.Groups["name"].Value);

    /// <summary>
    /// A constructor without an initializer whose body is one or more statements <c>field = parameter;</c> or
    /// <c>(field, …) = (parameter, …);</c>, where a stored value is a parameter or a member of one
    /// (<c>options.Value</c>): nothing checked, computed or called.
    /// </summary>
    private static bool OnlyStoresParameters(Match constructor)
    {
        if (constructor.Groups["initializer"].Success)
        {
            return false;
        }

        var parameters = constructor.Groups["parameters"].Value;
        var body = constructor.Groups["expression"].Success ? constructor.Groups["expression"].Value : constructor.Groups["block"].Value;
        var statements = LineComment().Replace(body, "").Split(';').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        return statements.Length > 0 && statements.All(s => IsStoring(s, parameters));
    }

    /// <summary>
    /// A private or protected constructor (behind a factory), or an internal one in a public type, limits who
    /// creates the type; a primary constructor cannot, so such a constructor stays classic.
    /// </summary>
    private static bool NarrowsItsType(Match constructor, string source)
    {
        var access = constructor.Groups["access"].Value;
        return access.Contains("private", StringComparison.Ordinal)
            || access.Contains("protected", StringComparison.Ordinal)
            || (access.Contains("internal", StringComparison.Ordinal)
                && Regex.IsMatch(source, $@"\bpublic\s+(?:\w+\s+)*(?:class|record|struct)\s+{Regex.Escape(constructor.Groups["name"].Value)}\b"));
    }

    private static bool IsStoring(string statement, string parameters)
    {
        if (TupleAssignment().Match(statement) is { Success: true } tuple)
        {
            var targets = tuple.Groups["targets"].Value.Split(',');
            var values = tuple.Groups["values"].Value.Split(',');
            return targets.Length == values.Length && targets.All(t => StoreTarget().IsMatch(t.Trim())) && values.All(v => IsParameter(v.Trim(), parameters));
        }

        return SingleAssignment().Match(statement) is { Success: true } single && IsParameter(single.Groups["value"].Value, parameters);
    }

    /// <summary>A parameter, or a chain of members read from one (<c>options.Value</c>), never a call or an expression.</summary>
    private static bool IsParameter(string value, string parameters) =>
        ParameterRead().Match(value) is { Success: true } read
        && Regex.IsMatch(parameters, $@"\b{Regex.Escape(read.Groups["root"].Value)}\s*(?:=[^,]*)?(?:,|$)");

    /// <summary>Words joined by single underscores; the first starts with a capital or a digit; no word has a lower-case letter followed by a capital.</summary>
    internal static bool IsSentence(string name)
    {
        var words = name.Split('_');
        return words.Length >= 2
            && words.All(w => w.Length > 0 && w.All(char.IsAsciiLetterOrDigit))
            && (char.IsAsciiLetterUpper(words[0][0]) || char.IsAsciiDigit(words[0][0]))
            && words.All(w => MixedCaseNames.Contains(w) || !CamelHump().IsMatch(w));
    }

    private static IEnumerable<(string File, string Name)> TestNames(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!TestAttribute().IsMatch(lines[i]))
            {
                continue;
            }

            // The method follows its attributes (data rows, skips) within a few lines.
            for (var j = i + 1; j < lines.Length && j < i + 40; j++)
            {
                if (MethodDeclaration().Match(lines[j]) is { Success: true } method)
                {
                    yield return (Path.GetRelativePath(Root, file), method.Groups["name"].Value);
                    i = j;
                    break;
                }
            }
        }
    }

    private static IEnumerable<(string File, string Name, bool Closed)> ClassDeclarations(string file) =>
        File.ReadLines(file)
            .Select(line => ClassDeclarationPattern().Match(line))
            .Where(m => m.Success)
            .Select(m => (Path.GetRelativePath(Root, file), m.Groups["name"].Value, IsClosed(m)));

    private static bool IsClosed(Match declaration) =>
        declaration.Groups["modifiers"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(m => m is "sealed" or "static" or "abstract");

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Root, f).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains));

    [GeneratedRegex(@"^\s*\[(Fact|Theory|SkippableFact|SkippableTheory)\b")]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"^\s*public\s+(?:async\s+)?(?:void|Task|ValueTask)\s+(?<name>\w+)\s*\(")]
    private static partial Regex MethodDeclaration();

    [GeneratedRegex(@"^\s*(?<modifiers>(?:(?:public|internal|private|protected|file|sealed|static|abstract|partial|unsafe|new)\s+)*)(?:class|record(?!\s+struct))\s+(?<name>\w+)")]
    private static partial Regex ClassDeclarationPattern();

    /// <summary>An accessibility then the type's name and its parameters (one level of nested parentheses), then an expression or a block without nested braces.</summary>
    [GeneratedRegex(@"(?<![\w.])(?<access>(?:(?:public|internal|private|protected)\s+)+)(?<name>[A-Z]\w*)\s*\((?<parameters>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?<initializer>:\s*(?:base|this)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*)?(?:=>(?<expression>[^;]*;)|\{(?<block>[^{}]*)\})")]
    private static partial Regex ConstructorDeclaration();

    [GeneratedRegex(@"^\((?<targets>[^()]*)\)\s*=\s*\((?<values>[^()]*)\)$")]
    private static partial Regex TupleAssignment();

    [GeneratedRegex(@"^(?:this\.)?\w+\s*=\s*(?<value>[^=].*)$", RegexOptions.Singleline)]
    private static partial Regex SingleAssignment();

    [GeneratedRegex(@"^(?:this\.)?\w+$")]
    private static partial Regex StoreTarget();

    [GeneratedRegex(@"^(?<root>(?!this\b)[a-z_]\w*)(?:\.\w+)*$")]
    private static partial Regex ParameterRead();

    [GeneratedRegex("//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex CamelHump();
}
