using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Reads <c>safety.yaml</c>: every required category present, every pattern and concept compiles and is
/// fast, every combination names known concepts, and the example and look-alike phrasings of the
/// semantic signal are read with their lines.
/// </summary>
internal static class SafetyReader
{
    public static readonly string[] RequiredCategories = ["self_harm", "emergency", "ingestion", "pregnancy", "child", "kidney", "medication"];

    /// <summary>
    /// Patterns come from moderators; a pathological one must not stall a reply. Generous, because the time
    /// counts while the thread waits for a core, and a machine saturated for a second must not turn an
    /// ordinary question into a false alarm (a timeout counts as a match); slow patterns are refused at load.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The last safety.yaml read without an error, and its categories. Every load and reload reads the whole folder,
    /// and safety.yaml, most of it by size with some two thousand patterns to parse and compile, is seldom the file
    /// that changed. Sharing the categories of an unchanged file also lets <see cref="Answering.SnapshotBuilder"/>
    /// check its look-alikes once. One slot: a bot serves one folder.
    /// </summary>
    private static (string Text, IReadOnlyList<SafetyCategory> Categories)? _lastValid;

    private static readonly Lock LastValidGate = new();

    public static IReadOnlyList<SafetyCategory> Read(string text, string file, List<KnowledgeError> errors)
    {
        lock (LastValidGate)
        {
            if (_lastValid is { } last && string.Equals(last.Text, text, StringComparison.Ordinal))
            {
                return last.Categories;
            }
        }

        var before = errors.Count;
        var categories = Parse(text, file, errors);
        if (errors.Count == before)
        {
            lock (LastValidGate)
            {
                _lastValid = (text, categories);
            }
        }

        return categories;
    }

    private static IReadOnlyList<SafetyCategory> Parse(string text, string file, List<KnowledgeError> errors)
    {
        var fields = YamlFile.ReadMapping(text, file, errors);
        if (fields is null)
        {
            return [];
        }

        fields.RejectUnknown("categories", "threshold", "margin", "concepts");
        var concepts = Concepts(fields);
        var threshold = Number(fields, "threshold", SafetyDefaults.Threshold);
        var margin = Number(fields, "margin", SafetyDefaults.Margin);
        var categories = new List<SafetyCategory>();
        foreach (var (item, _, _) in fields.Mappings("categories", RequiredCategories.Length))
        {
            item.RejectUnknown("id", "label", "action", "message", "doctor_advice", "threshold", "patterns", "combinations", "unless", "negated_by", "glossary", "examples", "not_examples");
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
            var category = new SafetyCategory(id, item.String("label"), action, item.String("message"), Compile(item, "patterns", 1))
            {
                Combinations = Combinations(item, concepts),
                Unless = KnownConcepts(item, "unless", concepts),
                NegatedBy = KnownConcepts(item, "negated_by", concepts),
                DoctorAdvice = item.String("doctor_advice", required: false),
                Threshold = Number(item, "threshold", threshold),
                Margin = margin,
                ByGlossary = YesNo(item, "glossary", fallback: true),
                Examples = Phrases(item, "examples"),
                NotExamples = Phrases(item, "not_examples"),
            };
            if (id.Length > 0)
            {
                categories.Add(category);
            }
        }

        foreach (var missing in RequiredCategories.Where(r => categories.All(c => c.Id != r)))
        {
            fields.Error("categories", $"required category '{missing}' is missing", fields.Node("categories"));
        }

        return categories;
    }

    private static bool YesNo(YamlFields item, string field, bool fallback)
    {
        var value = item.String(field, required: false);
        if (value.Length == 0)
        {
            return fallback;
        }

        if (bool.TryParse(value, out var yes))
        {
            return yes;
        }

        item.Error(field, $"'{value}' must be true or false", item.Node(field));
        return fallback;
    }

    private static double Number(YamlFields item, string field, double fallback)
    {
        var value = item.String(field, required: false);
        if (value.Length == 0)
        {
            return fallback;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 0 and < 1)
        {
            return number;
        }

        item.Error(field, $"'{value}' must be a number between 0 and 1 (for example 0.62)", item.Node(field));
        return fallback;
    }

    private static SafetyPhrase[] Phrases(YamlFields item, string field)
    {
        if (item.Node(field) is not YamlSequenceNode node)
        {
            return item.Strings(field, 0, required: false).Select(t => new SafetyPhrase(t, item.Line)).ToArray();
        }

        var texts = item.Strings(field, 0, required: false);
        return node.Children
            .Where(c => c is YamlScalarNode { Value: { } v } && v.Trim().Length > 0)
            .Select((c, i) => new SafetyPhrase(texts[i], item.LineOf(c)))
            .ToArray();
    }

    private static SafetyAction Invalid(YamlFields item, string value)
    {
        item.Error("action", $"'{value}' must be 'warn' or 'replace'", item.Node("action"));
        return SafetyAction.Warn;
    }

    /// <summary>The top-level <c>concepts</c>: each a name and its patterns, in every language.</summary>
    private static Dictionary<string, SafetyConcept> Concepts(YamlFields fields)
    {
        var concepts = new Dictionary<string, SafetyConcept>(StringComparer.Ordinal);
        if (fields.Node("concepts") is null)
        {
            return concepts;
        }

        var map = fields.Mapping("concepts");
        if (map is null || fields.Node("concepts") is not YamlMappingNode node)
        {
            return concepts;
        }

        foreach (var name in node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? ""))
        {
            concepts[name] = new SafetyConcept(name, Compile(map, name, 1));
        }

        return concepts;
    }

    /// <summary>A category's <c>combinations</c>: lists of known concept names (one alone fires by itself).</summary>
    private static SafetyCombination[] Combinations(YamlFields item, Dictionary<string, SafetyConcept> concepts)
    {
        if (item.Node("combinations") is not { } node)
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            item.Error("combinations", "must be a list of concept lists, for example [took, many]", node);
            return [];
        }

        var combinations = new List<SafetyCombination>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            // [took, many] is read in each sentence; { concepts: [hopeless, means], within: message } in the whole
            // message; { concepts: [fainted], unless: [asking_about] } not where a general question is asked.
            var entry = list.Children[i];
            var wholeMessage = false;
            var conceptList = entry;
            YamlNode? unlessList = null;
            if (entry is YamlMappingNode map)
            {
                var fields = item.Child(map, $"combinations[{i}]");
                fields.RejectUnknown("concepts", "within", "unless");
                conceptList = fields.Node("concepts") ?? entry;
                unlessList = fields.Node("unless");
                var within = fields.String("within", required: false);
                wholeMessage = within == "message";
                if (within is not ("" or "message" or "sentence"))
                {
                    fields.Error("within", $"'{within}' must be 'sentence' (the default) or 'message'", fields.Node("within"));
                }
            }

            var names = Names(conceptList);
            var unlessNames = Names(unlessList);
            var unknown = names.Concat(unlessNames).Where(n => !concepts.ContainsKey(n)).ToArray();
            if (names.Length == 0)
            {
                item.Error($"combinations[{i}]", "must be a list of concept names, for example [took, many]", entry);
            }
            else if (unknown.Length > 0)
            {
                item.Error($"combinations[{i}]", $"names unknown concept(s) {string.Join(", ", unknown)}; known: {string.Join(", ", concepts.Keys)}", entry);
            }
            else
            {
                combinations.Add(new SafetyCombination(names.Select(n => concepts[n]).ToArray(), wholeMessage)
                {
                    Unless = unlessNames.Select(n => concepts[n]).ToArray(),
                });
            }
        }

        return combinations.ToArray();
    }

    private static SafetyConcept[] KnownConcepts(YamlFields item, string field, Dictionary<string, SafetyConcept> concepts)
    {
        var names = Names(item.Node(field));
        foreach (var unknown in names.Where(n => !concepts.ContainsKey(n)))
        {
            item.Error(field, $"names unknown concept {unknown}; known: {string.Join(", ", concepts.Keys)}", item.Node(field));
        }

        return names.Where(concepts.ContainsKey).Select(n => concepts[n]).ToArray();
    }

    private static string[] Names(YamlNode? list) =>
        list is YamlSequenceNode seq ? seq.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToArray() : [];

    private static List<Regex> Compile(YamlFields item, string field, int minimum)
    {
        var compiled = new List<Regex>();
        var node = item.Node(field) as YamlSequenceNode;
        var patterns = item.Strings(field, minimum);
        for (var i = 0; i < patterns.Count; i++)
        {
            var at = node is not null && i < node.Children.Count ? node.Children[i] : null;
            try
            {
                // Messages are read with Arabic letter variants folded (see ArabicLetters); so are patterns.
                var regex = new Regex(Safety.ArabicLetters.Fold(patterns[i]), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
                if (SlowPatternProbe.IsTooSlow(patterns[i]))
                {
                    item.Error($"{field}[{i}]", "is too slow on long input (catastrophic backtracking); simplify it", at);
                    continue;
                }

                compiled.Add(regex);
            }
            catch (ArgumentException e)
            {
                item.Error($"{field}[{i}]", $"is not a valid regular expression: {e.Message}", at);
            }
        }

        return compiled;
    }
}
