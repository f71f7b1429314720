using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Knowledge;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Splits_glued_sentences_and_keeps_abbreviations()
    {
        var sentences = SentenceSplitter.Split("It helps.Current research shows more. Dr. Umeda agrees.\n\nNew paragraph? Yes!");

        Assert.Equal(["It helps.", "Current research shows more.", "Dr. Umeda agrees.", "New paragraph?", "Yes!"], sentences.Select(s => s.Text));
        Assert.Equal("¶2 s.1", sentences[3].Location);
    }

    [Fact]
    public void Locate_names_paragraph_and_sentences_of_a_quote()
    {
        var source = new SourceDocument("a", "A", "", "", "One. Two three.\n\nFour five. Six.", "a.txt");

        Assert.Equal("¶1 s.2", source.Locate("Two three."));
        Assert.Equal("¶2 s.1–2", source.Locate("Four five. Six."));
        Assert.Equal("", source.Locate("Seven."));
    }
}
