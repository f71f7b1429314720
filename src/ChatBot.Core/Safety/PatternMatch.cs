using System.Text.RegularExpressions;

namespace ChatBot.Core.Safety;

internal static class PatternMatch
{
    public static bool IsMatch(Regex pattern, string text)
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
