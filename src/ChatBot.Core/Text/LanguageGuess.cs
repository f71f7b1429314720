using System.Text.RegularExpressions;

namespace ChatBot.Core.Text;

/// <summary>
/// A deliberately small guess at whether a question is in English: the FAQ answers only in English, so
/// a question in another language that found no answer is told so, instead of a bare "not covered".
/// Counts the most common function words of English, Spanish, Portuguese, French, German and Italian (and of Hindi and
/// Japanese typed in Latin letters);
/// any letter of a non-Latin script counts as not English.
/// </summary>
public static partial class LanguageGuess
{
    // Function words, and the common words of short chatty messages that carry none ("took 2, still awake, bad idea?"),
    // left out where another language spells a word the same (German "am", "will", "bad"; French "dont"; Dutch "had";
    // Turkish "her"; Tagalog "at").
    private static readonly HashSet<string> English = Set(
        "the a an is are was do does did can i you it of to for and or with what how my me this that be on in " +
        "any not if but have has we they she his your our their just too worth would should could who why " +
        "which when where there than then from by about after before take took taking takes sleep night help same better " +
        "don't can't won't isn't doesn't cant wont isnt doesnt shes hes thats what's it's i'm been into out up tonight " +
        "days day weeks more still really anyone anything something else first since starting started body brain true legit enough");
    private static readonly HashSet<string> Other = Set(
        "el la los las de del que y es un una por para con como qué cómo mi puedo tiene hay " +
        "o os as não você é uma com para pode tem isso " +
        "le les des est une je vous et pour avec qui pas peut " +
        "der die das und ist ein eine ich nicht mit für wie kann gibt es sollte täglich nehmen " +
        "il lo gli di che è per non sono ho mio mia posso anche dopo molto questo quello ma cosa vuol dire fa " +
        "pero muy pero también tengo estoy más " +
        "mas muito também estou tenho está " +
        "mais très aussi suis ai avez fait ça " +
        "aber sehr auch habe bin hat " +
        "hai hain kya ke ki ka se ko mein nahi nahin hoon hu hun mera meri mere ye yeh aur bhi toh tha thi raha rahi rahe " +
        "karna karta karti lena chahiye abhi bahut kuch yaar bhai " +
        "wa ga ni wo mo desu desuka masu masuka kudasai kedo node nai nda ndesu deshou kana dou");

    public static bool IsLikelyEnglish(string text)
    {
        if (text.Any(IsNonLatinLetter))
        {
            return false;
        }

        var words = text.ToLowerInvariant().Replace('’', '\'').Split([' ', ',', '.', '?', '!', '¿', '¡', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        var english = words.Count(English.Contains);
        var other = words.Count(w => Other.Contains(w) || IsArabicInLatinLetters(w));
        // Four or more words without one English function word are not English either (Turkish, Polish…).
        return (other <= english || other < 2) && (english > 0 || words.Length < 4);
    }

    /// <summary>
    /// A word of Arabic typed in Latin letters, with a digit standing for a letter Latin lacks ("3andi", "delwa2ty",
    /// "5alas"), unlike a number with its unit ("5am", "2nd", "10mg").
    /// </summary>
    private static bool IsArabicInLatinLetters(string word) => ArabicDigitInWord().IsMatch(word) && !NumberWithUnit().IsMatch(word);

    [GeneratedRegex(@"^[a-z]*[235789][a-z]{2,}$|^[a-z]{2,}[235789][a-z]+$")]
    private static partial Regex ArabicDigitInWord();

    [GeneratedRegex(@"^\d+(?:am|pm|mg|mgs|mcg|kg|ml|min|mins|hr|hrs|nd|rd|th|st|yo|yrs|lbs|caps|days|wks|ish)$")]
    private static partial Regex NumberWithUnit();

    /// <summary>A letter of another script (Cyrillic, Arabic, Devanagari, CJK, Hangul…): Latin letters end at U+024F.</summary>
    private static bool IsNonLatinLetter(char c) => c > '\u024F' && char.IsLetter(c) && c is not (>= '\u1E00' and <= '\u1EFF');

    private static HashSet<string> Set(string words) => words.Split(' ').ToHashSet(StringComparer.Ordinal);
}
