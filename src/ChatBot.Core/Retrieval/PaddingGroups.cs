namespace ChatBot.Core.Retrieval;

/// <summary>
/// Splits the texts of one model call into runs of similar length. Texts run together are padded to the longest
/// of them, so one long text (a paragraph, or a message in a script that takes a token per character) makes every
/// short text in its run cost as much as itself. Sorted by length and cut where a run's padded size would pass a
/// budget, texts of the same length still run together (the model's cost per text falls with larger runs), and a
/// long text runs with few others or alone. A text's vector does not depend on the texts run with it.
/// </summary>
internal static class PaddingGroups
{
    /// <param name="lengths">Each text's length in tokens.</param>
    /// <param name="budget">A run's size times its longest text's length, at most; a longer text runs alone.</param>
    /// <returns>The texts' indices, run by run, each run shortest first.</returns>
    public static IEnumerable<int[]> Of(IReadOnlyList<int> lengths, int budget)
    {
        var order = Enumerable.Range(0, lengths.Count).OrderBy(i => lengths[i]).ToArray();
        var start = 0;
        while (start < order.Length)
        {
            var end = start + 1;
            while (end < order.Length && (end - start + 1) * lengths[order[end]] <= budget)
            {
                end++;
            }

            yield return order[start..end];
            start = end;
        }
    }
}
