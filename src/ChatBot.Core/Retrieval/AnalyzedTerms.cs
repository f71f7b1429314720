using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ChatBot.Core.Retrieval;

/// <summary>The terms an analyzer makes of a text (for the English analyzer: lowercased, stop-word-free, stemmed).</summary>
public static class AnalyzedTerms
{
    public static List<string> Of(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(attribute.ToString());
        }

        stream.End();
        return terms;
    }
}
