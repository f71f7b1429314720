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
            if (IsOrdinal(normalizedMessage, boundary))
            {
                continue;
            }

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

    /// <summary>German writes ordinals with a dot ("in der 30. SSW", "im 7. Monat", "im 3. Lebensjahr"): no sentence ends there.</summary>
    private static bool IsOrdinal(string text, Match boundary) =>
        boundary.Length > 1 && boundary.ValueSpan.TrimEnd().SequenceEqual(".")
        && OrdinalNumber().IsMatch(text.AsSpan(0, boundary.Index))
        && OrdinalNoun().IsMatch(text, boundary.Index + boundary.Length);

    [GeneratedRegex(@"[.!?;\n。！？；؟।]+(?:\s+|$)|[。！？；؟।]")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"(?:^|\s)\d{1,2}$")]
    private static partial Regex OrdinalNumber();

    [GeneratedRegex(@"\G(?:ssw|schwangerschaftswoche|woche|monat|lebensjahr|lebensmonat|klasse|trimester)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalNoun();
}
