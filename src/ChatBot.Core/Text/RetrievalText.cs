using System.Text.RegularExpressions;

namespace ChatBot.Core.Text;

/// <summary>
/// What retrieval reads of a question: markup, links, images and mentions removed (they carry no
/// question and are often injection), and, for long messages, the sentences that ask something.
/// </summary>
public static partial class RetrievalText
{
    /// <summary>Messages longer than this are also matched sentence by sentence.</summary>
    public const int LongQuestion = 160;

    public static string Clean(string normalizedQuestion)
    {
        var text = ScriptOrStyle().Replace(normalizedQuestion, " ");
        text = MarkdownImage().Replace(text, " ");
        text = MarkdownLink().Replace(text, "$1");
        text = Url().Replace(text, " ");
        text = Tag().Replace(text, " ");
        text = Mention().Replace(text, " ");
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>The sentences of a long message that ask something (ending in '?'), and its last sentence.</summary>
    public static IReadOnlyList<string> QuestionSentences(string text)
    {
        var sentences = SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        if (sentences.Length < 2)
        {
            return [];
        }

        return sentences.Where(s => s.EndsWith('?')).Append(sentences[^1]).Distinct().ToArray();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"</?[a-z!][^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<[@#!][^>]*>|@(?:everyone|here|channel)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[.!?])\s+|(?<=\?)(?=\S)")]
    private static partial Regex SentenceEnd();
}
