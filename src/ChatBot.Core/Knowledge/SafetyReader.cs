using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    /// check its look-alikes once. One slot: a bot serves one folder. The file is known by its SHA-256, not kept:
    /// its text is megabytes.
    /// </summary>
    private static (byte[] Hash, IReadOnlyList<SafetyCategory> Categories)? _lastValid;

    private static readonly Lock LastValidGate = new();

    public static IReadOnlyList<SafetyCategory> Read(string text, string file, List<KnowledgeError> errors)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        lock (LastValidGate)
        {
            if (_lastValid is { } last && last.Hash.AsSpan().SequenceEqual(hash))
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
                _lastValid = (hash, categories);
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
            item.RejectUnknown("id", "label", "action", "message", "doctor_advice", "threshold", "patterns", "combinations", "unless", "overruled", "negated_by", "glossary", "examples", "not_examples");
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
                Overruled = Overrules(item, concepts),
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

    /// <summary>
    /// A category's <c>combinations</c>: lists of known concept names (one alone fires by itself). A name may be a list of
    /// alternatives: <c>[[hopeless, goodbye], [many, means]]</c> stands for every pair of one from each, so a new sign of intent
    /// joins every means at once. A pair the category also writes out on its own line, wherever that line is, keeps that
    /// line's scope and <c>unless</c>.
    /// </summary>
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

        var read = list.Children.Select((entry, i) => ReadCombination(item, entry, i, concepts)).OfType<CombinationLine>().ToArray();
        var writtenOut = read.Where(l => !l.HasAlternatives).Select(l => Key(l.Slots.Select(s => s[0]))).ToHashSet(StringComparer.Ordinal);
        var combinations = new List<SafetyCombination>();
        var made = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in read)
        {
            foreach (var names in line.HasAlternatives ? Product(line.Slots) : [line.Slots.Select(slot => slot[0]).ToArray()])
            {
                var key = Key(names);
                // Lines written out are kept as written; a pair from alternatives only once, and not when written out.
                if (line.HasAlternatives && (writtenOut.Contains(key) || !made.Add(key + (line.WholeMessage ? " message" : " sentence"))))
                {
                    continue;
                }

                combinations.Add(new SafetyCombination(names.Select(n => concepts[n]).ToArray(), line.WholeMessage)
                {
                    Unless = line.Unless.Select(n => concepts[n]).ToArray(),
                });
            }
        }

        return combinations.ToArray();
    }

    /// <summary>One line of <c>combinations</c>, its names checked: each slot one concept, or several alternatives.</summary>
    private sealed record CombinationLine(string[][] Slots, bool WholeMessage, string[] Unless)
    {
        public bool HasAlternatives => Slots.Any(s => s.Length > 1);
    }

    private static CombinationLine? ReadCombination(YamlFields item, YamlNode entry, int i, Dictionary<string, SafetyConcept> concepts)
    {
        // [took, many] is read in each sentence; { concepts: [hopeless, means], within: message } in the whole
        // message; { concepts: [fainted], unless: [asking_about] } not where a general question is asked.
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

        var slots = Slots(conceptList);
        if (unlessList is YamlSequenceNode unlessSeq && unlessSeq.Children.Any(n => n is not YamlScalarNode))
        {
            item.Error($"combinations[{i}].unless", "must be a list of concept names, for example [idiom, temporary]", unlessList);
            return null;
        }

        var unlessNames = Names(unlessList);
        var unknown = (slots ?? []).SelectMany(s => s).Concat(unlessNames).Where(n => !concepts.ContainsKey(n)).Distinct().ToArray();
        if (slots is null || slots.Length == 0 || slots.Any(s => s.Length == 0))
        {
            item.Error($"combinations[{i}]", "must be a list of concept names, for example [took, many], or of lists of alternative names, for example [[hopeless, goodbye], [many, means]]", entry);
            return null;
        }

        if (unknown.Length > 0)
        {
            item.Error($"combinations[{i}]", $"names unknown concept(s) {string.Join(", ", unknown)}; known: {string.Join(", ", concepts.Keys)}", entry);
            return null;
        }

        return new CombinationLine(slots, wholeMessage, unlessNames);
    }

    /// <summary>A combination's concepts, each a name or a list of alternative names; null when a slot is anything else.</summary>
    private static string[][]? Slots(YamlNode? list)
    {
        if (list is not YamlSequenceNode seq)
        {
            return null;
        }

        var slots = new List<string[]>();
        foreach (var node in seq.Children)
        {
            switch (node)
            {
                case YamlScalarNode scalar:
                    slots.Add([scalar.Value ?? ""]);
                    break;
                case YamlSequenceNode alternatives when alternatives.Children.All(a => a is YamlScalarNode):
                    slots.Add(Names(alternatives));
                    break;
                default:
                    return null;
            }
        }

        return [.. slots];
    }

    /// <summary>Every choice of one name per slot of a line with alternatives, a concept never twice in one choice.</summary>
    private static IEnumerable<string[]> Product(string[][] slots) =>
        slots.Aggregate(
            (IEnumerable<string[]>)[[]],
            (choices, slot) => choices.SelectMany(choice => slot.Where(name => !choice.Contains(name)).Select(name => (string[])[.. choice, name])));

    /// <summary>The same concepts in any order are one combination.</summary>
    private static string Key(IEnumerable<string> names) => string.Join(' ', names.Order(StringComparer.Ordinal));

    /// <summary>
    /// A category's <c>overruled</c>: for some of its <c>unless</c> concepts, the concepts whose mention anywhere in a
    /// message keeps them from stopping the category (<c>{ asking_about: [happening_now] }</c>).
    /// </summary>
    private static SafetyOverrule[] Overrules(YamlFields item, Dictionary<string, SafetyConcept> concepts)
    {
        if (item.Node("overruled") is not { } node)
        {
            return [];
        }

        if (node is not YamlMappingNode map)
        {
            item.Error("overruled", "must map an unless concept to the concepts that overrule it, for example { asking_about: [happening_now] }", node);
            return [];
        }

        var unless = Names(item.Node("unless"));
        var overrules = new List<SafetyOverrule>();
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var by = value is YamlSequenceNode list && list.Children.All(c => c is YamlScalarNode) ? Names(list) : null;
            if (!unless.Contains(name) || !concepts.ContainsKey(name))
            {
                item.Error("overruled", $"'{name}' is not one of this category's unless concepts ({string.Join(", ", unless)})", key);
            }
            else if (by is null || by.Length == 0)
            {
                item.Error("overruled", $"{name} must name a list of concepts, for example [happening_now]", value);
            }
            else if (by.FirstOrDefault(n => !concepts.ContainsKey(n)) is { } unknown)
            {
                item.Error("overruled", $"names unknown concept {unknown}; known: {string.Join(", ", concepts.Keys)}", value);
            }
            else
            {
                overrules.Add(new SafetyOverrule(concepts[name], by.Select(n => concepts[n]).ToArray()));
            }
        }

        return [.. overrules];
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
