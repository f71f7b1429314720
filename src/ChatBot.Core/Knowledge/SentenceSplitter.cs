using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Splits article text into paragraphs (blank lines) and sentences. Sentences end at '.', '!' or '?'
/// followed by white space or by a capital letter (the source glues some sentences together), except
/// after common abbreviations such as "Dr.".
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly string[] Abbreviations = ["Dr", "Mr", "Mrs", "Ms", "Prof", "St", "e.g", "i.e", "vs", "etc"];

    public static IReadOnlyList<SourceSentence> Split(string text)
    {
        var sentences = new List<SourceSentence>();
        var paragraphs = BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToArray();
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var number = 1;
            foreach (var sentence in SplitParagraph(paragraphs[p]))
            {
                sentences.Add(new SourceSentence(p + 1, number++, sentence));
            }
        }

        return sentences;
    }

    private static IEnumerable<string> SplitParagraph(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length - 1; i++)
        {
            if (paragraph[i] is not ('.' or '!' or '?'))
            {
                continue;
            }

            var next = paragraph[i + 1];
            var ends = char.IsWhiteSpace(next) || char.IsUpper(next);
            if (!ends || EndsWithAbbreviation(paragraph, start, i))
            {
                continue;
            }

            var sentence = paragraph[start..(i + 1)].Trim();
            if (sentence.Length > 0)
            {
                yield return sentence;
            }

            start = i + 1;
        }

        var last = paragraph[start..].Trim();
        if (last.Length > 0)
        {
            yield return last;
        }
    }

    private static bool EndsWithAbbreviation(string text, int start, int dot)
    {
        var before = text[start..dot];
        return Abbreviations.Any(a =>
            before.EndsWith(a, StringComparison.Ordinal)
            && (before.Length == a.Length || !char.IsLetter(before[before.Length - a.Length - 1])));
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();
}
