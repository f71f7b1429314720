using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Recognises a question about something else by name: "is valerian root safe every night" names a remedy of a known
/// gap (<see cref="NotCoveredTopic.Names"/>) and neither the subject, magnesium, the article, nor a word that points back
/// to them ("it", "this"), nor a comparison ("or", "better", "first", "just as good"). A terse question ("valerian?") is left to
/// the scores: in a conversation about the subject it asks how the two compare. Such a question resembles the entry that
/// mentions the remedy, but the article says nothing about the remedy itself.
/// </summary>
public sealed partial class OtherSubject(IReadOnlyList<NotCoveredTopic> gaps)
{
    private readonly IReadOnlyList<(NotCoveredTopic Topic, Regex Names)> _topics = gaps.Where(g => g.Names.Count > 0)
            .Select(g => (g, new Regex($@"(?<![\w-])(?:{string.Join('|', g.Names.OrderByDescending(n => n.Length).Select(Regex.Escape))})(?![\w-])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
            .ToArray();

    /// <summary>The gap the question is about, or null. <paramref name="rewritten"/> has the subject's aliases rewritten.</summary>
    public NamedGap? Of(string rewritten, string subject)
    {
        if (_topics.Count == 0 || PointsBack().IsMatch(rewritten)
            || (subject.Length > 0 && rewritten.Contains(subject, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return _topics.Select(t => (t.Topic, Name: t.Names.Match(rewritten))).FirstOrDefault(t => t.Name.Success) is { Topic: { } topic } found
            ? new NamedGap(topic, found.Name.Value)
            : null;
    }

    /// <summary>A gap a question named, and the name it used.</summary>
    public sealed record NamedGap(NotCoveredTopic Topic, string Name);

    /// <summary>Words that bring the subject back in, or weigh the other thing against it.</summary>
    [GeneratedRegex(@"\b(?:magnesium|threonate|it|its|it's|this|that|these|those|them|they|article|study|trial|expert|author|bot|you|or|vs|versus|better|worse|best|instead|first|before|rather|than|compare[sd]?|comparison|difference|alternatives?|same|either|both|together|with|combine|stack|as (?:good|well|effective|strong)|what about|how about)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsBack();
}
