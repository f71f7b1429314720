namespace ChatBot.Core.Knowledge;

/// <summary>Reads a source file: a YAML header between <c>---</c> lines, then the article text, unchanged.</summary>
internal static class SourceReader
{
    public static SourceDocument? Read(string text, string file, List<KnowledgeError> errors)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            errors.Add(new KnowledgeError(file, 1, "", "must start with a '---' header line (id, title, url, retrieved)"));
            return null;
        }

        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
        {
            errors.Add(new KnowledgeError(file, 1, "", "the header has no closing '---' line"));
            return null;
        }

        var header = YamlFile.ReadMapping(string.Join('\n', lines[1..close]), file, errors, lineOffset: 1);
        if (header is null)
        {
            return null;
        }

        var id = header.String("id");
        var title = header.String("title");
        var url = header.String("url", required: false);
        var retrieved = header.String("retrieved", required: false);
        header.RejectUnknown("id", "title", "url", "retrieved");
        var body = string.Join('\n', lines[(close + 1)..]).Trim('\n');
        if (body.Trim().Length == 0)
        {
            errors.Add(new KnowledgeError(file, close + 2, "", "the article text is empty"));
        }

        return id.Length == 0 ? null : new SourceDocument(id, title, url, retrieved, body, file);
    }
}
