using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Knowledge;

/// <summary>Reads <c>safety.yaml</c>: every required category present, every pattern compiles.</summary>
internal static class SafetyReader
{
    public static readonly string[] RequiredCategories = ["pregnancy", "child", "kidney", "medication", "overdose", "emergency", "self_harm"];

    /// <summary>
    /// Patterns come from moderators; a pathological one must not stall a reply. Generous, because a busy
    /// machine must not turn an ordinary question into a false alarm; slow patterns are refused at load.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Short inputs on which exponential backtracking never finishes while any sane pattern takes
    /// microseconds; short, so a busy machine cannot make a good pattern look slow.
    /// </summary>
    private static readonly string[] StressInputs =
        [new string('a', 300) + "!", string.Concat(Enumerable.Repeat("ab ", 100)) + "!", new string(' ', 300) + "!", string.Concat(Enumerable.Repeat("my ", 100)) + "!"];

    private static readonly TimeSpan StressTimeout = TimeSpan.FromMilliseconds(500);

    public static IReadOnlyList<SafetyCategory> Read(string text, string file, List<KnowledgeError> errors)
    {
        var fields = YamlFile.ReadMapping(text, file, errors);
        if (fields is null)
        {
            return [];
        }

        fields.RejectUnknown("categories");
        var categories = new List<SafetyCategory>();
        foreach (var (item, _, node) in fields.Mappings("categories", RequiredCategories.Length))
        {
            item.RejectUnknown("id", "label", "action", "message", "patterns");
            var id = item.String("id");
            if (categories.Any(c => c.Id == id))
            {
                item.Error("id", $"duplicate category '{id}'", item.Node("id"));
            }

            var action = item.String("action") switch
            {
                "warn" => SafetyAction.Warn,
                "replace" => SafetyAction.Replace,
                "" => SafetyAction.Warn,
                var other => Invalid(item, other),
            };
            var category = new SafetyCategory(id, item.String("label"), action, item.String("message"), Compile(item));
            if (id.Length > 0)
            {
                categories.Add(category);
            }
        }

        foreach (var missing in RequiredCategories.Where(r => categories.All(c => c.Id != r)))
        {
            fields.Error("categories", $"required category '{missing}' is missing");
        }

        return categories;
    }

    private static bool IsTooSlow(string pattern)
    {
        var probe = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, StressTimeout);
        try
        {
            foreach (var input in StressInputs)
            {
                probe.IsMatch(input);
            }

            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static SafetyAction Invalid(YamlFields item, string value)
    {
        item.Error("action", $"'{value}' must be 'warn' or 'replace'", item.Node("action"));
        return SafetyAction.Warn;
    }

    private static List<Regex> Compile(YamlFields item)
    {
        var compiled = new List<Regex>();
        var node = item.Node("patterns") as YamlSequenceNode;
        var patterns = item.Strings("patterns", 1);
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                var regex = new Regex(patterns[i], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
                if (IsTooSlow(patterns[i]))
                {
                    var slowAt = node is not null && i < node.Children.Count ? node.Children[i] : null;
                    item.Error($"patterns[{i}]", "is too slow on long input (catastrophic backtracking); simplify it", slowAt);
                    continue;
                }

                compiled.Add(regex);
            }
            catch (ArgumentException e)
            {
                var at = node is not null && i < node.Children.Count ? node.Children[i] : null;
                item.Error($"patterns[{i}]", $"is not a valid regular expression: {e.Message}", at);
            }
        }

        return compiled;
    }
}
