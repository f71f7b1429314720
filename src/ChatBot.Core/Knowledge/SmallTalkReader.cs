namespace ChatBot.Core.Knowledge;

/// <summary>Reads <c>smalltalk.yaml</c>: intents, each with a reply, at least one phrasing and optionally members' own messages (<c>asked</c>).</summary>
internal static class SmallTalkReader
{
    public static IReadOnlyList<SmallTalkIntent> Read(string text, string file, List<KnowledgeError> errors)
    {
        var fields = YamlFile.ReadMapping(text, file, errors);
        if (fields is null)
        {
            return [];
        }

        fields.RejectUnknown("intents");
        var intents = new List<SmallTalkIntent>();
        foreach (var (item, _, _) in fields.Mappings("intents", 0))
        {
            item.RejectUnknown("id", "reply", "phrases", "asked");
            var id = item.String("id");
            if (intents.Any(i => i.Id == id))
            {
                item.Error("id", $"duplicate intent '{id}'", item.Node("id"));
            }

            intents.Add(new SmallTalkIntent(id, item.String("reply"), item.Strings("phrases", 1), item.Strings("asked", 0, required: false)));
        }

        return intents;
    }
}
