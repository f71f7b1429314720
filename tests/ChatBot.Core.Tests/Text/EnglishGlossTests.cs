using ChatBot.Core.Knowledge;
using ChatBot.Core.Text;

namespace ChatBot.Core.Tests.Text;

public sealed class EnglishGlossTests
{
    private static readonly Glossary Glossary = GlossaryYaml.Read("""
        languages:
          es:
            "pronto": "soon"
            "dejaré": "i will stop"
            "de": "-"
            "ser": "being"
            "una": "a"
            "carga": "burden"
            "me muero de sueño": "i am very sleepy"
            "embaraz*": "pregnant"
            "estoy": "i am"
            "¿cuánto": "how much"
            "tomo": "i take"
          fr:
            "est-ce que": "-"
            "je": "i"
            "peux": "can"
            "prendre": "take"
            "grand-mère": "grandmother"
            "ma": "my"
            "a": "has"
            "a+": "see you"
            "pris": "taken"
            "il": "he"
          pt:
            "estou": "i am"
            "grávida": "pregnant"
          zh:
            "我": "i"
            "吃了": "took"
            "整瓶": "the whole bottle"
            "整": "whole"
          ar:
            "اخذت": "i took"
            "3andi": "i have"
            "waga3": "pain"
            "fi": "in"
            "sedri": "chest"
            "w": "and"
            "mesh 2ader": "cannot"
            "atnafes": "breathe"
            "علبه": "box"
            "كل": "all"
          ja:
            "飲んだ": "took"
            "nemurenai": "cannot sleep"
            "wa": "-"
            "itsu": "when"
            "nomeba": "if i take"
            "ii": "good"
          ru:
            "почк*": "kidney"
            "больные": "sick"
        """);

    [Fact]
    public void Arabic_typed_in_latin_letters_and_digits_is_read_as_arabic() =>
        Assert.Equal("i have pain in chest and cannot breathe", EnglishGloss.Of("3andi waga3 fi sedri w mesh 2ader atnafes", Glossary));

    [Fact]
    public void Renders_words_expressions_and_particles()
    {
        Assert.Equal("soon i will stop being a burden", EnglishGloss.Of("pronto dejaré de ser una carga", Glossary));
        Assert.Equal("i am very sleepy", EnglishGloss.Of("me muero de sueño", Glossary));
    }

    [Fact]
    public void Reads_a_key_with_a_hyphen_or_an_opening_mark_as_the_words_a_message_has()
    {
        Assert.Equal("i can take", EnglishGloss.Of("est-ce que je peux prendre", Glossary));
        Assert.Equal("my grandmother", EnglishGloss.Of("ma grand-mère", Glossary));
        Assert.Equal("how much i take", EnglishGloss.Of("¿cuánto tomo?", Glossary)?.TrimEnd('?', ' '));
        Assert.Equal("he has taken", EnglishGloss.Of("il a pris", Glossary));
    }

    [Fact]
    public void Reads_a_word_without_its_accents_and_by_its_stem()
    {
        Assert.Equal("soon i will stop", EnglishGloss.Of("pronto dejare", Glossary));
        Assert.Equal("i am pregnant", EnglishGloss.Of("estoy embarazadísima", Glossary));
        Assert.Equal("sick kidney", EnglishGloss.Of("больные почки", Glossary));
    }

    [Fact]
    public void Picks_the_latin_language_that_knows_the_most_words() =>
        Assert.Equal("i am pregnant", EnglishGloss.Of("estou grávida", Glossary));

    [Fact]
    public void Matches_the_longest_run_of_characters_in_chinese() =>
        Assert.Equal("i took the whole bottle", EnglishGloss.Of("我吃了整瓶", Glossary));

    [Fact]
    public void Reads_japanese_by_runs_of_characters_and_in_latin_letters_word_by_word()
    {
        Assert.Equal("took", EnglishGloss.Of("飲んだ", Glossary));
        Assert.Equal("cannot sleep magtein when if i take good", EnglishGloss.Of("nemurenai magtein wa itsu nomeba ii", Glossary));
    }

    [Fact]
    public void Runs_of_characters_are_as_long_as_the_longest_entry_in_characters_and_romaji_does_not_lengthen_them() =>
        Assert.Equal(3, Glossary["ja"]!.LongestRun);

    [Fact]
    public void Folds_arabic_letters_and_reads_through_attached_prefixes() =>
        Assert.Equal("i took all box", EnglishGloss.Of("أخذت كل العلبة", Glossary));

    [Theory]
    [InlineData("pronto xyzzy plugh frobnicate quux")]
    [InlineData("это совсем другое")]
    [InlineData("")]
    public void Gives_nothing_when_too_little_of_the_message_is_known(string message) =>
        Assert.Null(EnglishGloss.Of(message, Glossary));

    [Fact]
    public void An_empty_glossary_renders_nothing() =>
        Assert.Null(EnglishGloss.Of("pronto dejaré de ser una carga", Glossary.Empty));
}
