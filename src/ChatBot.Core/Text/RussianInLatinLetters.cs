using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Text;

/// <summary>
/// Russian typed in Latin letters ("ya ustal byt obuzoy dlya vseh"), put back into Cyrillic ("я устал быть обузой
/// для всех") so that every Russian pattern, concept and glossary word of the triage reads it too. Each word is
/// spelled letter by letter the usual ways (zh, kh, ch, sh, shch, ts, ya, yu, yo, ' for ь), and where people shorten
/// something (a soft or hard sign left out, э or ё written as е, ы as i, x for х, -tsa for -тся) the spelling the
/// glossary knows is kept. A message is taken for Russian only when most of its words are words of the glossary's Russian.
/// </summary>
public static partial class RussianInLatinLetters
{
    /// <summary>At least this many words, most of them (<see cref="EnglishGloss.MinimumCoverage"/>) Russian words the glossary knows.</summary>
    public const int MinimumWords = 2;

    /// <summary>A message that also reads as English must be Russian words almost throughout ("my son is on…" is мы сон ис он).</summary>
    private const double CoverageIfEnglishToo = 0.8;

    /// <summary>Known words of three letters or more, so that a run of one-letter words ("a i u") is not Russian.</summary>
    private const int MinimumLongWords = 2;

    /// <summary>
    /// Words nearly every Russian message has, in their usual Latin spellings: a message with none of them is not
    /// spelled out at all, so English and the other languages cost one look at their words.
    /// </summary>
    private static readonly FrozenSet<string> CommonWords = FrozenSet.ToFrozenSet(
    [
        "ya", "mne", "menya", "menja", "moy", "moi", "moya", "moja", "chto", "shto", "eto", "kak", "vse", "vsyo", "vsjo", "vseh",
        "uzhe", "uje", "est", "net", "ochen", "mozhno", "nado", "nuzhno", "dlya", "dlja", "chtoby", "chtob", "esli", "tolko",
        "ego", "eyo", "ee", "posle", "seychas", "sejchas", "segodnya", "bolshe", "skolko", "pochemu", "kogda", "ili", "tozhe",
        "prosto", "tut", "gde", "kto", "byl", "byla", "budet", "mozhet", "ne", "ona", "oni", "vy", "ty", "nas", "xochu", "hochu",
    ], StringComparer.Ordinal);

    private static readonly (string Latin, string Cyrillic)[] Letters =
    [
        ("shch", "щ"), ("sch", "щ"), ("tsya", "тся"), ("tsja", "тся"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
        ("ya", "я"), ("ja", "я"), ("yu", "ю"), ("ju", "ю"), ("yo", "ё"), ("jo", "ё"), ("ye", "е"), ("je", "е"),
        ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
        ("j", "й"), ("k", "к"), ("q", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
        ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"), ("x", "кс"), ("'", "ь"), ("’", "ь"),
    ];

    /// <summary>
    /// The message in Cyrillic, or null when it is not Russian in Latin letters: too few of its words are Russian words of
    /// the glossary, or another Latin-script language of the glossary knows as many of them.
    /// </summary>
    public static string? ToCyrillic(string text, Glossary glossary)
    {
        if (glossary["ru"] is not { } russian || text.Any(IsOtherScript))
        {
            return null;
        }

        var lower = text.ToLowerInvariant();
        var words = Word().Matches(lower);
        if (words.Count < MinimumWords || !LooksRussian(words, russian))
        {
            return null;
        }

        var needed = LanguageGuess.IsLikelyEnglish(lower) ? CoverageIfEnglishToo : EnglishGloss.MinimumCoverage;
        var allowedUnknown = (int)Math.Floor((1 - needed) * words.Count);
        var output = new StringBuilder(lower.Length);
        int known = 0, longKnown = 0, counted = 0, at = 0;
        foreach (Match word in words)
        {
            output.Append(lower, at, word.Index - at);
            at = word.Index + word.Length;
            var spelled = KnownSpelling(word.Value, russian);
            if (spelled is null && EnglishGloss.Knows(word.Value, russian))
            {
                // A brand the glossary keeps in Latin letters ("magtein", "mgt").
                output.Append(word.Value);
                continue;
            }

            counted++;
            if (spelled is not null)
            {
                known++;
                longKnown += spelled.Length >= 3 ? 1 : 0;
                output.Append(spelled);
            }
            else if (counted - known > allowedUnknown)
            {
                // Too many words no spelling of which is Russian: most English and other messages stop here.
                return null;
            }
            else
            {
                output.Append(Spell(word.Value));
            }
        }

        output.Append(lower, at, lower.Length - at);
        var coverage = counted == 0 ? 0 : (double)known / counted;
        return longKnown >= MinimumLongWords && coverage >= needed && coverage > EnglishGloss.LatinCoverage(lower, glossary)
            ? output.ToString()
            : null;
    }

    /// <summary>
    /// A first look, one spelling per word: a word nearly every Russian message has, or two longer words spelled plainly
    /// as the glossary lists them ("vypil 30 tabletok"). English and the other languages seldom pass it.
    /// </summary>
    private static bool LooksRussian(MatchCollection words, GlossaryLanguage russian) =>
        words.Any(w => CommonWords.Contains(w.Value))
        || words.Count(w => w.Length >= 3 && russian.Words.ContainsKey(Spell(w.Value))) >= MinimumLongWords;

    /// <summary>The spelling of a Latin-letter word that the glossary knows, trying what people commonly leave out.</summary>
    private static string? KnownSpelling(string word, GlossaryLanguage russian)
    {
        if (word.Any(c => c is not (>= 'a' and <= 'z' or '\'' or '’')))
        {
            // An accented letter (niño, tomó): a word of another Latin-script language.
            return null;
        }

        var spelled = Spell(word);
        string[] candidates =
        [
            spelled,
            spelled + "ь",
            spelled.Replace('е', 'ё'),
            spelled.StartsWith('е') ? "э" + spelled[1..] : spelled,
            SoftL().Replace(spelled, "ль"),
            SignBeforeVowel().Replace(spelled, "ь"),
            SignBeforeVowel().Replace(spelled, "ъ"),
            spelled.Replace('ь', 'ъ'),
            spelled.Replace("ц", "тс", StringComparison.Ordinal),
            spelled.Replace("кс", "х", StringComparison.Ordinal),
            spelled.EndsWith("тся", StringComparison.Ordinal) ? spelled[..^3] + "ться" : spelled,
            spelled.EndsWith("ца", StringComparison.Ordinal) ? spelled[..^2] + "тся" : spelled,
            .. HardI(spelled),
        ];
        // A word the glossary lists outright wins over one it knows only by a stem ("проснуться" over "проснутся").
        return candidates.FirstOrDefault(c => russian.Words.ContainsKey(c)) ?? candidates.FirstOrDefault(c => EnglishGloss.Knows(c, russian));
    }

    /// <summary>Letter by letter: the longest Latin group first; a y after a vowel is й ("moy", "obuzoy"), otherwise ы.</summary>
    private static string Spell(string word)
    {
        var output = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length;)
        {
            if (word[i] == 'y' && (i + 1 == word.Length || word[i + 1] is not ('a' or 'e' or 'o' or 'u')))
            {
                output.Append(i > 0 && IsVowel(word[i - 1]) ? 'й' : 'ы');
                i++;
                continue;
            }

            var (latin, cyrillic) = Letters.FirstOrDefault(l => string.CompareOrdinal(word, i, l.Latin, 0, l.Latin.Length) == 0);
            if (latin is null)
            {
                output.Append(word[i++]);
                continue;
            }

            output.Append(cyrillic);
            i += latin.Length;
        }

        return output.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsOtherScript(char c) => c > '\u024F' && char.IsLetter(c);

    [GeneratedRegex(@"\p{L}[\p{L}'’]*")]
    private static partial Regex Word();

    /// <summary>Each и read as ы in turn ("vipila" for выпила): people type i for both.</summary>
    private static IEnumerable<string> HardI(string spelled)
    {
        for (var i = spelled.IndexOf('и'); i > 0; i = spelled.IndexOf('и', i + 1))
        {
            yield return string.Concat(spelled.AsSpan(0, i), "ы", spelled.AsSpan(i + 1));
        }
    }

    /// <summary>A consonant before я, ю, е or ё, where a soft or hard sign is usually left out ("vypyu" for выпью).</summary>
    [GeneratedRegex("(?<=[бвгджзклмнпрстфхцчшщ])(?=[яюеё])")]
    private static partial Regex SignBeforeVowel();

    /// <summary>An л before a consonant, where a soft sign is usually left out ("skolko" for сколько).</summary>
    [GeneratedRegex("л(?=[бвгджзклмнпрстфхцчшщ])")]
    private static partial Regex SoftL();
}
