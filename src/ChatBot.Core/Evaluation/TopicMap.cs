using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// Which FAQ entries may answer a question about each topic of a question bank (<c>eval/topics.yaml</c>):
/// the bank's writers labelled topics from the article, not entry ids, so the bank stays blind to the FAQ.
/// </summary>
public sealed class TopicMap(IReadOnlyDictionary<string, IReadOnlyList<string>> entries)
{
    public static readonly TopicMap None = new(new Dictionary<string, IReadOnlyList<string>>());

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _entries = entries;

    public static TopicMap Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
        {
            foreach (var (key, value) in root.Children)
            {
                map[((YamlScalarNode)key).Value ?? ""] = value is YamlSequenceNode list
                    ? list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToArray()
                    : [];
            }
        }

        return new TopicMap(map);
    }

    /// <summary>True when the item names topics this map knows and the entry belongs to none of them.</summary>
    public bool IsOffTopic(QuestionSetItem item, string? entryId)
    {
        if (entryId is null || item.Topics.Count == 0 || !item.Topics.All(_entries.ContainsKey))
        {
            return item.Expect == "no_answer" && entryId is not null;
        }

        return !item.Topics.Any(t => _entries[t].Contains(entryId));
    }
}
