using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class QueryRewriterTests
{
    private readonly QueryRewriter _rewriter = new(
        [new Synonym("magnesium l-threonate", ["mgt", "magtein", "l-threonate", "threonate", "mag threonate"]), new Synonym("magnesium", ["mag"])],
        "magnesium l-threonate");

    [Theory]
    [InlineData("is magtein legit", "is magnesium l-threonate legit")]
    [InlineData("mag threonate dose", "magnesium l-threonate dose")]
    [InlineData("mag or MgT?", "magnesium or magnesium l-threonate?")]
    [InlineData("Magnesium L-threonate side effects", "magnesium l-threonate side effects")]
    [InlineData("magnesium citrate", "magnesium citrate")]
    public void Rewrite_maps_aliases_once_and_leaves_canonical_text_alone(string input, string expected) =>
        Assert.Equal(expected, _rewriter.Rewrite(input));

    [Fact]
    public void Neutral_reads_the_subject_as_it() =>
        Assert.Equal("how much does it cost", _rewriter.Neutral("how much does magtein cost"));
}
