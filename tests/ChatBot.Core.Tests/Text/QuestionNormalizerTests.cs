using ChatBot.Core.Text;

namespace ChatBot.Core.Tests.Text;

public sealed class QuestionNormalizerTests
{
    [Theory]
    [InlineData("  side   effects?\n\n", "side effects?")]
    [InlineData("ｓｉｄｅ ｅｆｆｅｃｔｓ", "side effects")]
    [InlineData("do\u200Bse\u200D?", "dose?")]
    [InlineData("\u202Edose\u202C", "dose")]
    [InlineData("a\0b\u0007c", "a b c")]
    [InlineData(null, "")]
    public void Normalize_applies_nfkc_strips_invisibles_and_collapses_space(string? input, string expected) =>
        Assert.Equal(expected, QuestionNormalizer.Normalize(input));

    [Fact]
    public void Normalize_caps_length()
    {
        Assert.Equal(QuestionNormalizer.MaxLength, QuestionNormalizer.Normalize(new string('x', 100_000)).Length);
    }

    [Fact]
    public void Normalize_drops_lone_surrogates_instead_of_throwing()
    {
        Assert.Equal("a b", QuestionNormalizer.Normalize("a\uD800 b"));
    }
}
