using System.Text.RegularExpressions;

namespace ChatBot.Core.Tests.Conventions;

/// <summary>
/// The parts of the code dialect (docs/development.md, "Code dialect") that no analyzer checks: test names
/// read as sentences, and every class is sealed, static or abstract (CA1852 sees internal types only).
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

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex CamelHump();
}
