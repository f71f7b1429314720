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
}
