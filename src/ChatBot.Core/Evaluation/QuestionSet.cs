using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// Reads a question set: a YAML list of <c>{q, expect, must_mention?, flag?}</c>; other fields (notes) are
/// ignored. An unknown or missing <c>expect</c> is an error naming file and line, never a silent default.
/// </summary>
public static class QuestionSet
{
    public static readonly IReadOnlyList<string> Expectations = ["answer", "no_answer", "safety", "adversarial"];

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="QuestionSetInvalidException">The file is not a valid question set.</exception>
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

        if (stream.Documents[0].RootNode is not YamlSequenceNode rows)
        {
            throw new QuestionSetInvalidException($"{path}:1: must be a YAML list of questions");
        }

        return rows.Children.Select(row => Read(path, row)).ToArray();
    }

    private static QuestionSetItem Read(string path, YamlNode row)
    {
        if (row is not YamlMappingNode fields)
        {
            throw new QuestionSetInvalidException($"{path}:{row.Start.Line}: each question must be a mapping with q and expect");
        }

        var expect = Scalar(fields, "expect");
        if (expect is null)
        {
            throw new QuestionSetInvalidException($"{path}:{row.Start.Line}: expect: is missing (use {string.Join(", ", Expectations)})");
        }

        if (!Expectations.Contains(expect.Value))
        {
            throw new QuestionSetInvalidException($"{path}:{expect.Start.Line}: expect: unknown value '{expect.Value}' (use {string.Join(", ", Expectations)})");
        }

        var mustMention = fields.Children.TryGetValue(new YamlScalarNode("must_mention"), out var list) && list is YamlSequenceNode terms
            ? terms.Children.OfType<YamlScalarNode>().Select(t => t.Value ?? "").ToArray()
            : [];
        return new QuestionSetItem(Scalar(fields, "q")?.Value ?? "", expect.Value!, mustMention, Scalar(fields, "flag")?.Value);
    }

    private static YamlScalarNode? Scalar(YamlMappingNode fields, string name) =>
        fields.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node as YamlScalarNode : null;
}
