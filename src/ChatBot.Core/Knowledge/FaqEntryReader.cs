using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>Reads and checks one FAQ entry file. Cross-entry checks (unique ids, related ids) are the loader's.</summary>
internal static partial class FaqEntryReader
{
    public const int MinimumAlternates = 4;

    public static FaqEntry? Read(
        string text,
        string file,
        IReadOnlyDictionary<string, SourceDocument> sources,
        List<KnowledgeError> errors)
    {
        var fields = YamlFile.ReadMapping(text, file, errors);
        if (fields is null)
        {
            return null;
        }

        fields.RejectUnknown("id", "question", "alternates", "asked", "answer", "citations", "evidence", "caveats", "related", "tags");
        var id = fields.String("id");
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            fields.Error("id", $"'{id}' must be lowercase letters, digits and '-'", fields.Node("id"));
        }

        var expectedId = Path.GetFileNameWithoutExtension(file);
        if (id.Length > 0 && id != expectedId)
        {
            fields.Error("id", $"'{id}' must equal the file name '{expectedId}'", fields.Node("id"));
        }

        var entry = new FaqEntry
        {
            Id = id,
            Question = fields.String("question"),
            Alternates = fields.Strings("alternates", MinimumAlternates),
            Asked = fields.Strings("asked", 0, required: false),
            Answer = fields.String("answer"),
            Citations = ReadCitations(fields, sources),
            Evidence = ReadEvidence(fields),
            Caveats = fields.Strings("caveats", 1),
            Related = fields.Strings("related", 0, required: false),
            Tags = fields.Strings("tags", 0, required: false),
            File = file,
        };
        return id.Length == 0 ? null : entry;
    }

    private static List<FaqCitation> ReadCitations(YamlFields fields, IReadOnlyDictionary<string, SourceDocument> sources)
    {
        var citations = new List<FaqCitation>();
        foreach (var (item, _, node) in fields.Mappings("citations", 1))
        {
            item.RejectUnknown("source", "quote");
            var sourceId = item.String("source");
            var quote = item.String("quote");
            if (sourceId.Length == 0 || quote.Length == 0)
            {
                continue;
            }

            if (!sources.TryGetValue(sourceId, out var source))
            {
                item.Error("source", $"unknown source '{sourceId}' (known: {string.Join(", ", sources.Keys)})", item.Node("source"));
                continue;
            }

            if (!source.Contains(quote))
            {
                item.Error("quote", $"is not a verbatim quote of source '{sourceId}'", item.Node("quote") ?? node);
                continue;
            }

            citations.Add(new FaqCitation(sourceId, TextMatch.CollapseWhitespace(quote), source.Locate(quote)));
        }

        return citations;
    }

    private static EvidenceInfo ReadEvidence(YamlFields fields)
    {
        var evidence = fields.Mapping("evidence");
        if (evidence is null)
        {
            return new EvidenceInfo([], "");
        }

        evidence.RejectUnknown("kinds", "note");
        var kinds = evidence.Strings("kinds", 1);
        foreach (var kind in kinds.Where(k => !EvidenceKind.Labels.ContainsKey(k)))
        {
            evidence.Error("kinds", $"unknown kind '{kind}' (expected one of: {string.Join(", ", EvidenceKind.Labels.Keys)})", evidence.Node("kinds"));
        }

        return new EvidenceInfo(kinds, evidence.String("note", required: false));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
