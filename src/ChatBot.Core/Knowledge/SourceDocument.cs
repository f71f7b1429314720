namespace ChatBot.Core.Knowledge;

/// <summary>A source article: its metadata, its unchanged text and its sentences.</summary>
public sealed class SourceDocument
{
    private readonly string _normalisedText;

    public SourceDocument(string id, string title, string url, string retrieved, string text, string file)
    {
        Id = id;
        Title = title;
        Url = url;
        Retrieved = retrieved;
        Text = text;
        File = file;
        Sentences = SentenceSplitter.Split(text);
        _normalisedText = TextMatch.CollapseWhitespace(text);
    }

    public string Id { get; }

    public string Title { get; }

    public string Url { get; }

    public string Retrieved { get; }

    public string Text { get; }

    public string File { get; }

    public IReadOnlyList<SourceSentence> Sentences { get; }

    public bool Contains(string quote) =>
        _normalisedText.Contains(TextMatch.CollapseWhitespace(quote), StringComparison.Ordinal);

    /// <summary>The sentences a quote overlaps; empty when the quote is not in the source.</summary>
    public IReadOnlyList<SourceSentence> SentencesOf(string quote)
    {
        var needle = TextMatch.CollapseWhitespace(quote);
        if (needle.Length == 0 || !Contains(needle))
        {
            return [];
        }

        return Sentences
            .Where(s =>
            {
                var sentence = TextMatch.CollapseWhitespace(s.Text);
                return needle.Contains(sentence, StringComparison.Ordinal) || sentence.Contains(needle, StringComparison.Ordinal);
            })
            .ToArray();
    }

    /// <summary>"¶3 s.2" or "¶3 s.2–4" for a quote; "" when the quote is not in the source.</summary>
    public string Locate(string quote)
    {
        var sentences = SentencesOf(quote);
        if (sentences.Count == 0)
        {
            return "";
        }

        var first = sentences[0];
        var last = sentences[^1];
        if (first.Paragraph != last.Paragraph)
        {
            return $"{first.Location}–{last.Location}";
        }

        return first.Sentence == last.Sentence ? first.Location : $"¶{first.Paragraph} s.{first.Sentence}–{last.Sentence}";
    }
}
