using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Text;

/// <summary>
/// Renders a message in another language word by word into rough English with the <see cref="Glossary"/>, so the
/// semantic signal can compare it with the English example phrasings: "pronto dejaré de ser una carga" reads
/// "soon i will stop of be a burden". The script picks the candidate languages (Latin script tries every Latin
/// one and keeps the best covered); a message too little of which the glossary knows gets no rendering.
/// </summary>
public static partial class EnglishGloss
{
    /// <summary>At least this share of a message's words (characters, in Chinese and in Japanese kana and kanji) must be known.</summary>
    public const double MinimumCoverage = 0.6;

    /// <summary>
    /// The languages written in Latin letters: Hindi, Arabic and Japanese as people type them in chats ("3andi waga3 fi sedri",
    /// "mou ikiteru imi nai").
    /// </summary>
    private static readonly string[] LatinLanguages = ["es", "pt", "fr", "de", "it", "hi", "ar", "ja"];

    private static readonly string[] ArabicPrefixes = ["وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف"];

    /// <summary>
    /// Enough of a text the language guess takes for English that the glossary must know to read it anyway: German with
    /// English-looking words ("Was ist …": "was" is English too) is read; English, which a glossary knows little of, is not.
    /// </summary>
    public const double MinimumCoverageIfEnglishToo = 0.8;

    /// <summary>The English rendering, or null when no language of the glossary covers enough of the text.</summary>
    /// <param name="minimumCoverage">The share of the text the glossary must know (<see cref="MinimumCoverage"/> unless given).</param>
    public static string? Of(string text, Glossary glossary, double minimumCoverage = MinimumCoverage)
    {
        if (glossary.Languages.Count == 0 || text.Length == 0)
        {
            return null;
        }

        var lower = text.ToLowerInvariant();
        var hasCharacters = lower.Any(c => IsHan(c) || IsKana(c));
        Rendering? best = null;
        foreach (var code in Candidates(lower))
        {
            if (glossary[code] is not { } language)
            {
                continue;
            }

            // Chinese and Japanese characters are read by runs (romaji mixed into kana is then left as it is); Japanese in
            // Latin letters alone (romaji) word by word.
            var rendering = language.Code is "zh" or "ja" && hasCharacters ? ByRuns(lower, language) : ByWords(lower, language);
            if (best is null || rendering.Known > best.Known)
            {
                best = rendering;
            }
        }

        return best is null || best.Known == 0 || best.Known < minimumCoverage * best.Total ? null : best.Text;
    }

    /// <summary>The largest share of the text's words that one of the Latin-script languages of the glossary knows.</summary>
    internal static double LatinCoverage(string lowerText, Glossary glossary) =>
        LatinLanguages.Select(code => glossary[code]).OfType<GlossaryLanguage>()
            .Select(language => ByWords(lowerText, language))
            .Select(r => r.Total == 0 ? 0 : (double)r.Known / r.Total)
            .DefaultIfEmpty(0)
            .Max();

    private sealed record Rendering(string Text, int Known, int Total);

    private static IEnumerable<string> Candidates(string text)
    {
        if (text.Any(IsKana))
        {
            return ["ja"];
        }

        if (text.Any(IsHan))
        {
            return ["zh", "ja"];
        }

        if (text.Any(c => c is >= '\u0400' and <= '\u04FF'))
        {
            return ["ru"];
        }

        if (text.Any(c => c is >= '\u0600' and <= '\u06FF'))
        {
            return ["ar"];
        }

        return text.Any(c => c is >= '\u0900' and <= '\u097F') ? ["hi"] : LatinLanguages;
    }

    /// <summary>Languages written with spaces: the longest fixed expression first, then the word, its unaccented form, prefixes and stems.</summary>
    private static Rendering ByWords(string text, GlossaryLanguage language)
    {
        var source = language.Code == "ar" ? Safety.ArabicLetters.Fold(text) : text;
        var tokens = Token().Matches(source).Select(m => m.Value).ToArray();
        var output = new StringBuilder();
        int known = 0, total = 0;
        for (var i = 0; i < tokens.Length;)
        {
            if (IsSentenceEnd(tokens[i]))
            {
                output.Append(tokens[i++]);
                continue;
            }

            var (english, used) = Phrase(tokens, i, language);
            var counted = new ArraySegment<string>(tokens, i, used).Count(t => t.Any(char.IsLetter));
            total += counted;
            if (english is not null)
            {
                known += counted;
                Append(output, english);
            }
            else
            {
                // Unknown: kept as it is (a brand, a number, an English word in a mixed message).
                Append(output, tokens[i]);
            }

            i += used;
        }

        return new Rendering(output.ToString().Trim(), known, total);
    }

    /// <summary>True when the glossary renders the word (itself, unaccented, or by a stem).</summary>
    internal static bool Knows(string word, GlossaryLanguage language) => Word(word, language) is not null;

    private static (string? English, int Used) Phrase(string[] tokens, int start, GlossaryLanguage language)
    {
        for (var count = Math.Min(language.LongestWords, tokens.Length - start); count > 1; count--)
        {
            if (!new ArraySegment<string>(tokens, start, count).Any(IsSentenceEnd)
                && language.Words.TryGetValue(string.Join(' ', tokens, start, count), out var english))
            {
                return (english, count);
            }
        }

        return (Word(tokens[start], language), 1);
    }

    private static string? Word(string word, GlossaryLanguage language)
    {
        if (language.Words.TryGetValue(word, out var english))
        {
            return english;
        }

        var plain = Accents.Remove(word);
        if (language.Words.TryGetValue(plain, out english) || language.Unaccented.TryGetValue(plain, out english))
        {
            return english;
        }

        if (language.Code == "ar")
        {
            foreach (var prefix in ArabicPrefixes)
            {
                if (word.Length > prefix.Length + 1 && word.StartsWith(prefix, StringComparison.Ordinal)
                    && Word(word[prefix.Length..], language) is { } rest)
                {
                    return rest;
                }
            }
        }

        for (var length = Math.Min(language.LongestStem, word.Length); length >= GlossaryReader.ShortestStem; length--)
        {
            if (language.Stems.TryGetValue(word[..length], out english))
            {
                return english;
            }
        }

        return null;
    }

    /// <summary>Chinese and Japanese: the longest known run of characters at each point.</summary>
    private static Rendering ByRuns(string text, GlossaryLanguage language)
    {
        var output = new StringBuilder();
        int known = 0, total = 0;
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (!IsHan(c) && !IsKana(c))
            {
                var end = i;
                while (end < text.Length && !IsHan(text[end]) && !IsKana(text[end]))
                {
                    end++;
                }

                var other = text[i..end];
                output.Append(' ').Append(other.Replace('。', '.').Replace('！', '!').Replace('？', '?').Replace('，', ','));
                i = end;
                continue;
            }

            var matched = 0;
            for (var length = Math.Min(language.LongestRun, text.Length - i); length > 0; length--)
            {
                if (language.Words.TryGetValue(text.Substring(i, length), out var english))
                {
                    Append(output, english);
                    matched = length;
                    break;
                }
            }

            total += Math.Max(matched, 1);
            known += matched;
            i += Math.Max(matched, 1);
        }

        return new Rendering(string.Join(' ', output.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)), known, total);
    }

    private static void Append(StringBuilder output, string english)
    {
        if (english.Length > 0)
        {
            output.Append(' ').Append(english);
        }
    }

    /// <summary>The words (and sentence ends) of a lower-case text as the glossary reads a message, one space apart.</summary>
    internal static string WordsOf(string lowerText) => string.Join(' ', Token().Matches(lowerText).Select(m => m.Value));

    private static bool IsSentenceEnd(string token) => token is "." or "!" or "?" or "؟" or "।";

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static bool IsKana(char c) => c is >= '\u3040' and <= '\u30FF';

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}'’]+|[.!?؟।]")]
    private static partial Regex Token();
}
