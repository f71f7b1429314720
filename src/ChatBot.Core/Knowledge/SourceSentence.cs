namespace ChatBot.Core.Knowledge;

/// <summary>One sentence of a source, with its 1-based paragraph and sentence numbers.</summary>
public sealed record SourceSentence(int Paragraph, int Sentence, string Text)
{
    public string Location => $"¶{Paragraph} s.{Sentence}";
}
