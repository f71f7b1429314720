namespace ChatBot.Core.Knowledge;

/// <summary>
/// One language of the glossary: whole words and fixed expressions (several words, or a run of characters in
/// Chinese and Japanese) with their English, and stems (written with a trailing <c>*</c>) that stand for every
/// word beginning with them. An empty rendering marks a particle that carries no meaning.
/// </summary>
public sealed class GlossaryLanguage(string code, IReadOnlyDictionary<string, string> words, IReadOnlyDictionary<string, string> stems)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, string> Words { get; } = words;

    public IReadOnlyDictionary<string, string> Stems { get; } = stems;

    /// <summary>The accented words by their unaccented spelling (Latin script), for messages typed without accents.</summary>
    public IReadOnlyDictionary<string, string> Unaccented { get; } = words
        .Select(w => (Plain: Text.Accents.Remove(w.Key), w.Value))
        .Where(w => !words.ContainsKey(w.Plain))
        .GroupBy(w => w.Plain, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    /// <summary>The most words a fixed expression has.</summary>
    public int LongestWords { get; } = words.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();

    /// <summary>
    /// The longest entry in characters that begins in a script written without spaces (Chinese characters, kana), for
    /// matching such text by runs; entries in Latin letters (Japanese romaji) are read word by word and do not count.
    /// </summary>
    public int LongestRun { get; } = words.Keys.Where(k => k.Length > 0 && k[0] >= '\u2E80').Select(k => k.Length).DefaultIfEmpty(1).Max();

    public int LongestStem { get; } = stems.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
}
