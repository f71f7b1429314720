using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Knowledge;

/// <summary>Reads <c>safety.yaml</c>: every required category present, every pattern compiles.</summary>
internal static class SafetyReader
{
    public static readonly string[] RequiredCategories = ["pregnancy", "child", "kidney", "medication", "overdose", "emergency", "self_harm"];

    /// <summary>Patterns come from moderators; a pathological one must not stall a reply.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

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
                compiled.Add(new Regex(patterns[i], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout));
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
