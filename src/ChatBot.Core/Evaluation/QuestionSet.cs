using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatBot.Core.Evaluation;

/// <summary>Reads a question set: a YAML list of <c>{q, expect, must_mention?, flag?}</c>.</summary>
public static class QuestionSet
{
    public static IReadOnlyList<QuestionSetItem> Load(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build();
        var rows = deserializer.Deserialize<List<Row>>(File.ReadAllText(path)) ?? [];
        return rows.Select(r => new QuestionSetItem(r.Q ?? "", r.Expect ?? "", r.MustMention ?? [], r.Flag)).ToArray();
    }

    private sealed class Row
    {
        public string? Q { get; set; }

        public string? Expect { get; set; }

        public List<string>? MustMention { get; set; }

        public string? Flag { get; set; }
    }
}
