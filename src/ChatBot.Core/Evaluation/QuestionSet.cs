using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Evaluation;

/// <summary>Reads a question set: a YAML list of <c>{q, expect, must_mention?, flag?, also?, topics?, lang?, kind?}</c>.</summary>
public static class QuestionSet
{
    /// <exception cref="FormatException">The file is not a list of items, or an item lacks <c>q</c> or has an unknown <c>expect</c>; the message names file and line.</exception>
    public static IReadOnlyList<QuestionSetItem> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            throw new FormatException($"{path}:1: expected a list of questions");
        }

        return list.Children.Select(node => Item(path, node)).ToArray();
    }

    private static QuestionSetItem Item(string path, YamlNode node)
    {
        var line = (int)node.Start.Line;
        if (node is not YamlMappingNode map)
        {
            throw new FormatException($"{path}:{line}: each item must be a mapping with q and expect");
        }

        // Not trimmed: a message of white space alone is a test case of its own.
        var question = map.Children.TryGetValue(new YamlScalarNode("q"), out var q) && q is YamlScalarNode text ? text.Value ?? "" : null;
        var expect = Scalar(map, "expect");
        if (question is null)
        {
            throw new FormatException($"{path}:{line}: q is missing");
        }

        if (!QuestionSetItem.Expectations.Contains(expect))
        {
            throw new FormatException($"{path}:{line}: expect '{expect}' must be one of {string.Join(", ", QuestionSetItem.Expectations)}");
        }

        var flag = Scalar(map, "flag");
        return new QuestionSetItem(question, expect, List(map, "must_mention"), flag.Length == 0 ? null : flag)
        {
            Also = List(map, "also"),
            Topics = List(map, "topics"),
            Language = Scalar(map, "lang") is { Length: > 0 } lang ? lang : "en",
            Kind = Scalar(map, "kind"),
            Line = line,
        };
    }

    private static string Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? (scalar.Value ?? "").Trim() : "";

    private static IReadOnlyList<string> List(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(s => (s.Value ?? "").Trim()).Where(s => s.Length > 0).ToArray()
            : [];
}
