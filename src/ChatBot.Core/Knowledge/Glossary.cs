namespace ChatBot.Core.Knowledge;

/// <summary>
/// Word-by-word English renderings of the languages triage reads (<c>glossary.yaml</c>), so the semantic
/// signal, whose model knows only English, can compare a message in another language with the English
/// example phrasings (<see cref="Text.EnglishGloss"/>).
/// </summary>
public sealed class Glossary(IReadOnlyDictionary<string, GlossaryLanguage> languages)
{
    /// <summary>The languages a glossary may hold: those the red-flag patterns read besides English.</summary>
    public static readonly IReadOnlyList<string> KnownLanguages = ["es", "pt", "fr", "de", "it", "zh", "ja", "ru", "ar", "hi"];

    public static readonly Glossary Empty = new(new Dictionary<string, GlossaryLanguage>());

    public IReadOnlyDictionary<string, GlossaryLanguage> Languages { get; } = languages;

    public GlossaryLanguage? this[string code] => Languages.GetValueOrDefault(code);
}
