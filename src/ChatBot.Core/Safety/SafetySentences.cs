using System.Text.RegularExpressions;

namespace ChatBot.Core.Safety;

/// <summary>The sentences of a normalised message, in which a combination's concepts must meet.</summary>
internal static partial class SafetySentences
{
    /// <summary>The sentences, each marked when it ends with a question mark.</summary>
    public static IReadOnlyList<Sentence> Read(string normalizedMessage)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        foreach (Match boundary in Boundary().Matches(normalizedMessage))
        {
            Add(normalizedMessage[start..boundary.Index], boundary.Value.AsSpan().IndexOfAny("?？؟") >= 0);
            start = boundary.Index + boundary.Length;
        }

        Add(normalizedMessage[start..], false);
        return sentences;

        void Add(string text, bool isQuestion)
        {
            if (text.Trim().Length > 0)
            {
                sentences.Add(new Sentence(text, isQuestion));
            }
        }
    }

    public readonly record struct Sentence(string Text, bool IsQuestion);

    [GeneratedRegex(@"[.!?;\n。！？；؟।]+(?:\s+|$)|[。！？；؟।]")]
    private static partial Regex Boundary();
}
