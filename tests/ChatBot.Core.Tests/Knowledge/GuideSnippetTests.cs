using System.Text.RegularExpressions;
using ChatBot.Core.Answering;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>
/// Every YAML snippet in the moderators' guide (<c>knowledge/README.md</c>) is applied to a copy of the shipped
/// folder, in the order the guide gives them, and must either go live or fail with the error the guide says.
/// Each snippet is announced by a comment the guide's readers do not see:
/// <c>&lt;!-- check: new PATH --&gt;</c> (the snippet is the whole file) or
/// <c>&lt;!-- check: into PATH under "LINE" &gt; "LINE" --&gt;</c> (inserted after the second line, found after the first),
/// optionally ending <c>; fails "TEXT"</c>. A failing snippet is undone before the next one.
/// </summary>
public sealed partial class GuideSnippetTests : IDisposable
{
    private readonly string _folder = TestKnowledge.CopyToTemp();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_yaml_block_in_the_guide_is_announced_by_a_check()
    {
        var lines = GuideLines();
        var unannounced = lines.Select((line, i) => (line, i))
            .Where(x => x.line.Trim() == "```yaml" && (x.i == 0 || !CheckComment().IsMatch(lines[x.i - 1])))
            .Select(x => x.i + 1)
            .ToArray();

        Assert.True(unannounced.Length == 0, $"knowledge/README.md: yaml blocks without a check comment at line(s) {string.Join(", ", unannounced)}");
        Assert.True(Snippets().Count >= 8, "the guide's worked examples are checked");
    }

    [Fact]
    public void Each_snippet_goes_live_or_fails_with_the_error_the_guide_gives()
    {
        // Loaded in lexical mode, which reads no phrasing but the look-alikes it checks for patterns at load.
        Folders.KeepFewerPhrasings(_folder, every: 10);
        foreach (var snippet in Snippets())
        {
            var path = Path.Combine(_folder, snippet.Path);
            var before = File.Exists(path) ? File.ReadAllText(path) : null;
            File.WriteAllText(path, snippet.Apply(before));

            var errors = LoadErrors();

            if (snippet.Fails is null)
            {
                Assert.True(errors.Length == 0, $"README.md:{snippet.Line}: the snippet should go live; got: {string.Join("; ", errors)}");
                continue;
            }

            Assert.True(errors.Any(e => e.Contains(snippet.Fails, StringComparison.Ordinal)),
                $"README.md:{snippet.Line}: expected an error containing \"{snippet.Fails}\"; got: {(errors.Length == 0 ? "none" : string.Join("; ", errors))}");
            if (before is null)
            {
                File.Delete(path);
            }
            else
            {
                File.WriteAllText(path, before);
            }
        }
    }

    [Fact]
    public void The_guides_safety_examples_do_what_it_says_with_the_semantic_model()
    {
        // What is checked is what the guide's own phrasings do, among a tenth of the members' phrasings: reading and
        // checking all of them again for one folder took minutes. The moderators' tests, written against the whole file,
        // are left out too (the shipped folder passes them in its own tests); the guide's test goes in. The example the
        // guide names as the reason for its false alarm is kept wherever it stands.
        Folders.KeepFewerPhrasings(_folder, every: 10, "my toddler wakes up 5 times a night, can i give her magnesium threonate");
        File.WriteAllText(Path.Combine(_folder, "tests.yaml"), "tests:\n");
        foreach (var snippet in Snippets().Where(s => s.Fails is null))
        {
            var path = Path.Combine(_folder, snippet.Path);
            File.WriteAllText(path, snippet.Apply(File.Exists(path) ? File.ReadAllText(path) : null));
        }

        var snapshot = TestKnowledge.Store(RetrievalMode.Semantic, _folder).Current;

        Assert.Contains("pregnancy", Flags(snapshot, "eating for two these days, is magnesium threonate fine"));
        Assert.Empty(Flags(snapshot, "my toddler wakes me up every night, will mgt help me cope"));
        Assert.Contains("child", Flags(snapshot, "my toddler wakes up 4 times a night, can she have some magnesium threonate"));
    }

    private static string[] Flags(KnowledgeSnapshot snapshot, string message) =>
        [.. snapshot.Triage(ChatBot.Core.Text.QuestionNormalizer.Normalize(message), snapshot.Retriever.NewVectors()).Flags.Select(f => f.Category.Id)];

    private string[] LoadErrors()
    {
        try
        {
            TestKnowledge.Store(RetrievalMode.Lexical, _folder);
            return [];
        }
        catch (KnowledgeInvalidException e)
        {
            return [.. e.Errors.Select(x => x.ToString())];
        }
    }

    private static string[] GuideLines() => File.ReadAllLines(Path.Combine(TestKnowledge.Folder, "README.md"));

    private static List<Snippet> Snippets()
    {
        var lines = GuideLines();
        var snippets = new List<Snippet>();
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var check = CheckComment().Match(lines[i]);
            if (!check.Success)
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 2, l => l.Trim() == "```");
            var body = lines[(i + 2)..end];
            var fails = check.Groups["fails"].Success ? check.Groups["fails"].Value : null;
            snippets.Add(check.Groups["verb"].Value == "new"
                ? new Snippet(i + 1, check.Groups["path"].Value, body, [], fails)
                : new Snippet(i + 1, check.Groups["path"].Value, body, [.. check.Groups["anchor"].Captures.Select(c => c.Value)], fails));
        }

        return snippets;
    }

    [GeneratedRegex("""^<!-- check: (?<verb>new|into) (?<path>\S+)(?: under "(?<anchor>[^"]+)"(?: > "(?<anchor>[^"]+)")?)?(?:; fails "(?<fails>[^"]+)")? -->$""")]
    private static partial Regex CheckComment();

    private sealed record Snippet(int Line, string Path, string[] Body, string[] Anchors, string? Fails)
    {
        /// <summary>The file's new text: the snippet alone, or the file with the snippet inserted after its anchors.</summary>
        public string Apply(string? current)
        {
            if (Anchors.Length == 0)
            {
                return string.Join('\n', Body) + "\n";
            }

            Assert.True(current is not null, $"README.md:{Line}: {Path} does not exist");
            var lines = current.Split('\n').ToList();
            var at = -1;
            foreach (var anchor in Anchors)
            {
                at = lines.FindIndex(at + 1, l => l.Trim() == anchor);
                Assert.True(at >= 0, $"README.md:{Line}: no line \"{anchor}\" in {Path}");
            }

            lines.InsertRange(at + 1, Body);
            return string.Join('\n', lines);
        }
    }
}
