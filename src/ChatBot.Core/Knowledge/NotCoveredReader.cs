namespace ChatBot.Core.Knowledge;

/// <summary>Reads <c>not-covered.yaml</c>: known gaps of the article, so their questions get "not covered".</summary>
internal static class NotCoveredReader
{
    public static IReadOnlyList<NotCoveredTopic> Read(string text, string file, List<KnowledgeError> errors)
    {
        var fields = YamlFile.ReadMapping(text, file, errors);
        if (fields is null)
        {
            return [];
        }

        fields.RejectUnknown("topics");
        var topics = new List<NotCoveredTopic>();
        foreach (var (item, _, _) in fields.Mappings("topics", 0))
        {
            item.RejectUnknown("id", "description", "phrases", "asked", "names");
            var id = item.String("id");
            if (topics.Any(t => t.Id == id))
            {
                item.Error("id", $"duplicate topic '{id}'", item.Node("id"));
            }

            var asked = item.Strings("asked", 0, required: false);
            topics.Add(new NotCoveredTopic(id, item.String("description"), item.Strings("phrases", asked.Count > 0 ? 0 : 1, required: asked.Count == 0), asked)
            {
                Names = item.Strings("names", 0, required: false),
            });
        }

        return topics;
    }
}
