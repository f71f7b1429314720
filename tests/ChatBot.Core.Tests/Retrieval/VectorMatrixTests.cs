using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class VectorMatrixTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(13)]
    public void Similarities_are_bit_for_bit_the_scalar_cosine(int rows)
    {
        var random = new Random(7);
        var vectors = Enumerable.Range(0, rows).Select(_ => Vector(random)).ToArray();
        var query = Vector(random);

        var similarities = new VectorMatrix(vectors).Similarities(query);

        for (var row = 0; row < rows; row++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(VectorMath.Cosine(query, vectors[row])), BitConverter.DoubleToInt64Bits(similarities[row]));
        }
    }

    [Fact]
    public void A_query_of_another_dimension_is_refused() =>
        Assert.Throws<ArgumentException>(() => new VectorMatrix([new float[384]]).Similarities(new float[3]));

    private static float[] Vector(Random random)
    {
        var vector = Enumerable.Range(0, 384).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }
}
