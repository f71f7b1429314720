using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>Refuses a safety pattern that backtracks catastrophically, before it can stall a reply.</summary>
internal static class SlowPatternProbe
{
    /// <summary>
    /// Short inputs on which exponential backtracking never finishes while any sane pattern takes
    /// microseconds; short, so a busy machine cannot make a good pattern look slow.
    /// </summary>
    private static readonly string[] StressInputs =
        [new string('a', 300) + "!", string.Concat(Enumerable.Repeat("ab ", 100)) + "!", new string(' ', 300) + "!", string.Concat(Enumerable.Repeat("my ", 100)) + "!"];

    private static readonly TimeSpan StressTimeout = TimeSpan.FromMilliseconds(500);

    public static bool IsTooSlow(string pattern)
    {
        var probe = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, StressTimeout);
        try
        {
            foreach (var input in StressInputs)
            {
                probe.IsMatch(input);
            }

            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
