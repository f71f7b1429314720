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

    /// <summary>Longer texts are not matched whole: the model reads ~256 tokens, and one long text makes a batch slow.</summary>
    public const int MaxWholeLength = 600;

    /// <summary>Run-on text without sentence ends is read in overlapping windows of this many words.</summary>
    private const int WindowWords = 40;
    private const int MaxWindows = 4;

    /// <summary>Each part costs a model call's share; a long story is matched on a few of its sentences.</summary>
    private const int MaxSentences = 3;

    /// <summary>
    /// The parts of a long message worth matching on their own: sentences that ask something (ending
    /// in '?') and the last sentence; a run-on sentence is read in overlapping windows of words.
    /// </summary>
    public static IReadOnlyList<string> QuestionSentences(string text)
    {
        var sentences = SentencesOf(text).Where(s => s.Length <= MaxWholeLength * 4).ToArray();

        // The last sentence and the questions nearest the end: where people put what they want to know.
        var parts = sentences.Length < 2 ? [] : sentences.Reverse().Where(s => s.EndsWith('?')).Prepend(sentences[^1]);
        var runOn = sentences.Where(s => s.Split(' ').Length > WindowWords * 2).SelectMany(Windows);
        return parts.Where(p => p.Length <= MaxWholeLength).Distinct().Take(MaxSentences).Concat(runOn).ToArray();
    }

    /// <summary>A question this short is often about the sentence before it ("is she overselling it?").</summary>
    private const int ShortQuestionWords = 12;

    /// <summary>
    /// The last question of a long message read together with the sentence before it, when the question is short
    /// enough to lean on that sentence for what "it" or "that" is; null when nothing ends in '?', the question opens the
    /// message, or it is long enough to stand alone.
    /// </summary>
    public static QuestionWithContext? QuestionInContext(string text)
    {
        var sentences = SentencesOf(text).ToArray();
        var last = Array.FindLastIndex(sentences, s => s.EndsWith('?'));
        if (last < 1 || sentences[last].Split(' ').Length > ShortQuestionWords)
        {
            return null;
        }

        var pair = sentences[last - 1] + " " + sentences[last];
        return pair.Length <= MaxWholeLength ? new QuestionWithContext(sentences[last], pair) : null;
    }

    private static IEnumerable<string> SentencesOf(string text) => SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static IEnumerable<string> Windows(string sentence)
    {
        var words = sentence.Split(' ');
        var stride = Math.Max(WindowWords * 2 / 3, (words.Length - WindowWords) / (MaxWindows - 1) + 1);
        for (var start = 0; start < words.Length; start += stride)
        {
            yield return string.Join(' ', words.Skip(start).Take(WindowWords));
            if (start + WindowWords >= words.Length)
            {
                yield break;
            }
        }
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
