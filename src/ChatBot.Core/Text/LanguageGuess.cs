namespace ChatBot.Core.Text;

/// <summary>
/// A deliberately small guess at whether a question is in English: the FAQ answers only in English, so
/// a question in another language that found no answer is told so, instead of a bare "not covered".
/// Counts the most common function words of English, Spanish, Portuguese, French and German; any CJK
/// character counts as not English.
/// </summary>
public static class LanguageGuess
{
    private static readonly HashSet<string> English = Set("the a an is are was do does did can i you it of to for and or with what how my me this that be on in");
    private static readonly HashSet<string> Other = Set(
        "el la los las de del que y es un una por para con como qué cómo mi puedo tiene hay " +
        "o os as não você é uma com para pode tem isso " +
        "le les des est une je vous et pour avec qui pas peut " +
        "der die das und ist ein eine ich nicht mit für wie kann gibt es sollte täglich nehmen");

    public static bool IsLikelyEnglish(string text)
    {
        if (text.Any(c => c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF'))
        {
            return false;
        }

        var words = text.ToLowerInvariant().Split([' ', ',', '.', '?', '!', '¿', '¡', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        var english = words.Count(English.Contains);
        var other = words.Count(Other.Contains);
        return other <= english || other < 2;
    }

    private static HashSet<string> Set(string words) => words.Split(' ').ToHashSet(StringComparer.Ordinal);
}
