using ChatBot.Core.Knowledge;
using ChatBot.Core.Text;

namespace ChatBot.Core.Tests.Text;

public sealed class RussianInLatinLettersTests
{
    private static readonly Glossary Glossary = GlossaryYaml.Read("""
        languages:
          ru:
            "я": "i"
            "устал": "tired"
            "быть": "be"
            "обузой": "a burden"
            "для": "for"
            "всех": "everyone"
            "сколько": "how many"
            "надо": "need"
            "выпить": "drink"
            "это": "this"
            "съел": "ate"
            "ребенок": "child"
            "капсул*": "capsule"
            "магни*": "magnesium"
            "magtein": "magtein"
            "хочу": "want"
            "жить": "live"
            "не": "not"
            "больше": "more"
            "выпью": "i will drink"
            "все": "all"
            "таблетки": "pills"
            "дед": "grandad"
            "просыпается": "wakes up"
            "мы": "we"
            "сон": "sleep"
            "он": "he"
            "то": "that"
            "что": "what"
            "делать": "do"
          es:
            "me": "me"
            "el": "the"
            "niño": "child"
            "tomó": "took"
            "de": "of"
        """);

    [Theory]
    [InlineData("ya ustal byt obuzoy dlya vseh", "я устал быть обузой для всех")]
    [InlineData("skolko nado vypit magniya?", "сколько надо выпить магния?")]
    [InlineData("eto dlya vseh", "это для всех")]
    [InlineData("rebenok s'el kapsuly magtein, chto delat", "ребенок съел капсулы magtein, что делать")]
    [InlineData("ya bolshe ne xochu zhit", "я больше не хочу жить")]
    [InlineData("ya vypyu vse tabletki", "я выпью все таблетки")]
    [InlineData("ded ne prosypaetsa", "дед не просыпается")]
    public void Russian_in_latin_letters_is_spelled_the_way_the_glossary_knows_it(string latin, string cyrillic) =>
        Assert.Equal(cyrillic, RussianInLatinLetters.ToCyrillic(latin, Glossary));

    [Theory]
    [InlineData("i am a bit tired today, can mgt help?")]
    [InlineData("me duele la cabeza, puedo tomar magnesio?")]
    [InlineData("ya ustal")]
    [InlineData("я устал быть обузой")]
    [InlineData("ya i u a")]
    [InlineData("my son is on it, ok to add more?")]
    [InlineData("el niño tomó de la botella")]
    public void Other_messages_are_not_read_as_russian(string message) =>
        Assert.Null(RussianInLatinLetters.ToCyrillic(message, Glossary));

    [Fact]
    public void Without_a_russian_glossary_nothing_is_read() =>
        Assert.Null(RussianInLatinLetters.ToCyrillic("ya ustal byt obuzoy dlya vseh", Glossary.Empty));
}
