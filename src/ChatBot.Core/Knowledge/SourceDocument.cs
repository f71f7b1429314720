namespace ChatBot.Core.Knowledge;

/// <summary>A source article: its metadata, its unchanged text and its sentences.</summary>
public sealed class SourceDocument(string id, string title, string url, string retrieved, string text, string file)
{
    private readonly string _normalisedText = TextMatch.CollapseWhitespace(text);

    public string Id { get; } = id;

    public string Title { get; } = title;

    public string Url { get; } = url;

    public string Retrieved { get; } = retrieved;

    public string Text { get; } = text;

    public string File { get; } = file;

    public IReadOnlyList<SourceSentence> Sentences { get; } = SentenceSplitter.Split(text);

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
