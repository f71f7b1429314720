using System.Text.RegularExpressions;

namespace ChatBot.Core.Tests.Docs;

/// <summary>
/// Every relative link in the repository's Markdown files points at a file or folder that exists and, when it
/// names an anchor, at a heading of the target Markdown file (GitHub's slugs). Links inside fenced code blocks
/// and inline code are not links.
/// </summary>
public sealed partial class RelativeLinkTests
{
    private const int MaxReadmeLines = 250;

    /// <summary>Build output, and folders that are not part of the repository's content (.git, caches, test results).</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules",
    };

    private static readonly string[] AbsoluteSchemes = ["http:", "https:", "mailto:"];

    private static string Root => TestKnowledge.RepositoryRoot;

    private readonly Dictionary<string, HashSet<string>> _anchorsByFile = new(StringComparer.Ordinal);

    [Fact]
    public void Every_relative_link_in_the_docs_resolves()
    {
        var files = MarkdownFiles(Root).ToArray();
        var broken = files.SelectMany(BrokenLinks).ToArray();

        Assert.Contains(files, f => string.Equals(Path.GetRelativePath(Root, f), "README.md", StringComparison.Ordinal));
        Assert.True(broken.Length == 0, "Broken relative links:" + Environment.NewLine + string.Join(Environment.NewLine, broken));
    }

    [Fact]
    public void Readme_is_at_most_250_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md")).Length;

        Assert.True(lines <= MaxReadmeLines, $"README.md has {lines} lines; move detail into docs/ to keep it at most {MaxReadmeLines}.");
    }

    private static IEnumerable<string> MarkdownFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => !IsSkipped(d)).Order(StringComparer.Ordinal))
        {
            foreach (var file in MarkdownFiles(sub))
            {
                yield return file;
            }
        }
    }

    private static bool IsSkipped(string folder)
    {
        var name = Path.GetFileName(folder);
        return name.StartsWith('.') || SkippedFolders.Contains(name);
    }

    private IEnumerable<string> BrokenLinks(string file)
    {
        var shownName = Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');
        return RelativeLinks(file)
            .Where(link => !Resolves(file, link.Target))
            .Select(link => $"{shownName}:{link.Line}: {link.Target}");
    }

    private static IEnumerable<Link> RelativeLinks(string file)
    {
        foreach (var (number, text) in LinesOutsideCode(file))
        {
            var withoutInlineCode = InlineCode().Replace(text, string.Empty);
            foreach (Match match in MarkdownLink().Matches(withoutInlineCode))
            {
                var target = match.Groups["target"].Value;
                if (!IsAbsolute(target))
                {
                    yield return new Link(number, target);
                }
            }
        }
    }

    private static bool IsAbsolute(string target) =>
        AbsoluteSchemes.Any(scheme => target.StartsWith(scheme, StringComparison.OrdinalIgnoreCase));

    private bool Resolves(string file, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var pathPart = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);

        var resolved = pathPart.Length == 0 ? file : ResolvePath(file, Uri.UnescapeDataString(pathPart));
        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return false;
        }

        var checksAnchor = anchor is not null && File.Exists(resolved) && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        return !checksAnchor || AnchorsOf(resolved).Contains(anchor!);
    }

    private static string ResolvePath(string file, string path) =>
        path.StartsWith('/')
            ? Path.GetFullPath(Path.Combine(Root, path.TrimStart('/')))
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));

    private HashSet<string> AnchorsOf(string file)
    {
        if (!_anchorsByFile.TryGetValue(file, out var anchors))
        {
            anchors = HeadingSlugs(file);
            _anchorsByFile[file] = anchors;
        }

        return anchors;
    }

    /// <summary>GitHub's anchors: one slug per heading, the second of a name suffixed <c>-1</c>, the third <c>-2</c>, …</summary>
    private static HashSet<string> HeadingSlugs(string file)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, text) in LinesOutsideCode(file))
        {
            var heading = Heading().Match(text);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups["text"].Value);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            slugs.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return slugs;
    }

    /// <summary>Lower case; only letters, digits, spaces, hyphens and underscores kept; spaces become hyphens.</summary>
    private static string Slug(string heading)
    {
        var text = MarkdownLink().Replace(heading, m => m.Groups["text"].Value).ToLowerInvariant();
        var kept = text.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray();
        return new string(kept).Replace(' ', '-');
    }

    /// <summary>Each line with its 1-based number, leaving out fenced code blocks (``` or ~~~, indented or not).</summary>
    private static IEnumerable<(int Number, string Text)> LinesOutsideCode(string file)
    {
        var lines = File.ReadAllLines(file);
        string? openFence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (openFence is null && fence.Success)
            {
                openFence = fence.Groups["fence"].Value;
            }
            else if (openFence is not null)
            {
                if (fence.Success && fence.Groups["fence"].Value.StartsWith(openFence, StringComparison.Ordinal))
                {
                    openFence = null;
                }
            }
            else
            {
                yield return (i + 1, lines[i]);
            }
        }
    }

    private sealed record Link(int Line, string Target);

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\(\s*<?(?<target>[^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(`+).*?\1")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^ {0,3}#{1,6}\s+(?<text>.*?)(?:\s+#+)?\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*(?<fence>`{3,}|~{3,})")]
    private static partial Regex Fence();
}
