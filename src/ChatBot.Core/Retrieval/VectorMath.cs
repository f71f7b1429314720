namespace ChatBot.Core.Retrieval;

internal static class VectorMath
{
    /// <summary>Cosine similarity of two normalised vectors.</summary>
    public static double Cosine(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
