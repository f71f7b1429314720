using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Safety;

/// <summary>Recognises red-flag questions before retrieval, from the patterns in <c>knowledge/safety.yaml</c>.</summary>
public static class SafetyTriage
{
    /// <summary>The categories a normalised question raises, urgent (replace) ones first.</summary>
    public static IReadOnlyList<SafetyCategory> Triage(string normalizedQuestion, IReadOnlyList<SafetyCategory> categories)
    {
        if (normalizedQuestion.Length == 0)
        {
            return [];
        }

        return categories
            .Where(c => c.Patterns.Any(p => Matches(p, normalizedQuestion)))
            .OrderBy(c => c.Action == SafetyAction.Replace ? 0 : 1)
            .ToArray();
    }

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern too slow to decide: fail towards caution rather than skip a possible red flag.
            return true;
        }
    }
}
