using System.Collections.Concurrent;
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

    /// <summary>
    /// A pattern that ran out of time is probed once more with this much: a machine busy enough to stall a sane
    /// pattern for half a second (seen with many validations at once on 2 cores) does not stall it for ten times
    /// that, while catastrophic backtracking on these inputs would take far longer than either.
    /// </summary>
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Fingerprints (<see cref="ProbedPatternRecord.FingerprintOf"/>) of the patterns that passed: every reload reads the same few
    /// thousand patterns, and only an edited one is new. Only a pattern that passed is remembered, so a slow one is
    /// probed again on each read. <see cref="ProbedPatternRecord"/> keeps them from one start to the next.
    /// </summary>
    private static readonly ConcurrentDictionary<string, bool> Passed = new(StringComparer.Ordinal);

    public static bool IsTooSlow(string pattern)
    {
        var fingerprint = ProbedPatternRecord.FingerprintOf(pattern);
        if (Passed.ContainsKey(fingerprint))
        {
            return false;
        }

        if (Probe(pattern, StressTimeout) && Probe(pattern, ConfirmTimeout))
        {
            return true;
        }

        Passed.TryAdd(fingerprint, true);
        return false;
    }

    /// <summary>The fingerprints of every pattern that passed in this process, remembered ones included.</summary>
    public static IReadOnlyCollection<string> PassedFingerprints => [.. Passed.Keys];

    /// <summary>Takes fingerprints of patterns that passed before, on the same runtime, as passed.</summary>
    public static void RememberPassed(IEnumerable<string> fingerprints)
    {
        foreach (var fingerprint in fingerprints)
        {
            Passed.TryAdd(fingerprint, true);
        }
    }

    private static bool Probe(string pattern, TimeSpan timeout)
    {
        var probe = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, timeout);
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
