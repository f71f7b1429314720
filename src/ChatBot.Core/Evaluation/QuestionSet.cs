using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Evaluation;

/// <summary>Reads a question set: a YAML list of <c>{q, expect, must_mention?, flag?, also?, topics?, lang?, kind?}</c>.</summary>
public static class QuestionSet
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="QuestionSetInvalidException">Not a list of items, an item without <c>q</c>, or an unknown <c>expect</c>; the message names file and line.</exception>
    public static IReadOnlyList<QuestionSetItem> Load(string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException e)
        {
            throw new QuestionSetInvalidException($"{path}:{e.Start.Line}: not valid YAML: {e.InnerException?.Message ?? e.Message}", e);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            throw new QuestionSetInvalidException($"{path}:1: must be a YAML list of questions");
        }

        return list.Children.Select(node => Item(path, node)).ToArray();
    }

    private static QuestionSetItem Item(string path, YamlNode node)
    {
        var line = (int)node.Start.Line;
        if (node is not YamlMappingNode map)
        {
            throw new QuestionSetInvalidException($"{path}:{line}: each question must be a mapping with q and expect");
        }

        // Not trimmed: a message of white space alone is a test case of its own.
        var question = map.Children.TryGetValue(new YamlScalarNode("q"), out var q) && q is YamlScalarNode text ? text.Value ?? "" : null;
        if (question is null)
        {
            throw new QuestionSetInvalidException($"{path}:{line}: q: is missing");
        }

        var expectNode = map.Children.TryGetValue(new YamlScalarNode("expect"), out var e) ? e as YamlScalarNode : null;
        var expect = (expectNode?.Value ?? "").Trim();
        if (expectNode is null)
        {
            throw new QuestionSetInvalidException($"{path}:{line}: expect: is missing (use {string.Join(", ", QuestionSetItem.Expectations)})");
        }

        if (!QuestionSetItem.Expectations.Contains(expect))
        {
            throw new QuestionSetInvalidException($"{path}:{expectNode.Start.Line}: expect: unknown value '{expect}' (use {string.Join(", ", QuestionSetItem.Expectations)})");
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
