using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class SpellingCorrectorTests
{
    private readonly SpellingCorrector _corrector = new(["magnesium threonate glycinate results study kidney melatonin", "how much does it cost"]);

    [Theory]
    [InlineData("magnesuim threonite for slep", "magnesium threonate for slep")]
    [InlineData("glycinte or threonate", "glycinate or threonate")]
    [InlineData("how long b4 reslts", "how long b4 results")]
    [InlineData("is it bad for ur kidny", "is it bad for ur kidney")]
    public void Misspelled_faq_words_are_corrected(string input, string expected) =>
        Assert.Equal(expected, _corrector.Correct(input));

    [Theory]
    [InlineData("how much does it cost")]
    [InlineData("is costco magnesium any good")]
    [InlineData("tak it wen")]
    [InlineData("does it help with migraines")]
    public void Known_short_and_unrelated_words_are_left_alone(string input) =>
        Assert.Equal(input, _corrector.Correct(input));

    [Theory]
    [InlineData("his breathing is shallow", "breaking swallow")]
    [InlineData("I feel faint and dizzy", "feint dozzy")]
    public void Ordinary_english_words_are_never_turned_into_faq_words(string input, string faqWords)
    {
        var corrector = new SpellingCorrector([faqWords]);

        Assert.Equal(input, corrector.Correct(input));
        Assert.NotEqual(input, new SpellingCorrector([faqWords], words: new HashSet<string>()).Correct(input));
    }

    [Fact]
    public void A_typo_an_alternate_teaches_is_still_read_as_the_spelling_the_faq_uses_far_more_often()
    {
        var faq = Enumerable.Repeat("magnesium threonate for sleep", 10).Append("is threonite good for slep").ToArray();

        Assert.Equal("threonate for sleep?", new SpellingCorrector(faq).Correct("threonite for sleep?"));
    }

    [Fact]
    public void A_known_word_stays_when_its_neighbour_is_not_far_more_common()
    {
        var faq = Enumerable.Repeat("magnesium threonate", 5).Append("threonine is an amino acid, not magnesium threonate").ToArray();

        Assert.Equal("is threonine the same thing", new SpellingCorrector(faq).Correct("is threonine the same thing"));
    }

    [Fact]
    public void The_english_words_come_from_the_model_vocabulary() =>
        Assert.Contains("breathing", EnglishWords.All);
}
