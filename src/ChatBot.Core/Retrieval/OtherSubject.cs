using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Recognises a question about something else by name: "is valerian root safe every night" names a remedy of a known
/// gap (<see cref="NotCoveredTopic.Names"/>) and neither a word of the subject (magnesium), the article, nor a word that points back
/// to them ("it", "this"), nor a comparison ("or", "better", "first", "just as good"). A terse question ("valerian?") is left to
/// the scores: in a conversation about the subject it asks how the two compare. Such a question resembles the entry that
/// mentions the remedy, but the article says nothing about the remedy itself.
/// </summary>
/// <param name="gaps">The known gaps; those with <c>names</c> claim questions.</param>
/// <param name="subject">What every question is about (bot.yaml <c>subject</c>); any of its words brings it back in.</param>
public sealed partial class OtherSubject(IReadOnlyList<NotCoveredTopic> gaps, string subject)
{
    private readonly Regex? _subjectWords = Words(subject.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4).ToArray());

    private readonly IReadOnlyList<(NotCoveredTopic Topic, Regex Names)> _topics = gaps.Where(g => g.Names.Count > 0)
        .Select(g => (g, Words(g.Names)!))
        .ToArray();

    /// <summary>The gap the question is about, or null. <paramref name="rewritten"/> has the subject's aliases rewritten.</summary>
    public NamedGap? Of(string rewritten)
    {
        if (_topics.Count == 0 || PointsBack().IsMatch(rewritten) || _subjectWords?.IsMatch(rewritten) == true)
        {
            return null;
        }

        return _topics.Select(t => (t.Topic, Name: t.Names.Match(rewritten))).FirstOrDefault(t => t.Name.Success) is { Topic: { } topic } found
            ? new NamedGap(topic, found.Name.Value)
            : null;
    }

    /// <summary>A gap a question named, and the name it used.</summary>
    public sealed record NamedGap(NotCoveredTopic Topic, string Name);

    /// <summary>Any of the words or phrases, whole; null for none.</summary>
    private static Regex? Words(IReadOnlyList<string> words) => words.Count == 0
        ? null
        : new Regex($@"\b(?:{string.Join('|', words.OrderByDescending(n => n.Length).Select(Regex.Escape))})\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Words that point back to the subject or the article, or weigh the other thing against it ("valerian with my nightly
    /// capsule"), but not "start with": "what dose of valerian should I start with" is about valerian.
    /// </summary>
    [GeneratedRegex(@"\b(?:it|its|it's|this|that|these|those|them|they|article|study|trial|expert|author|bot|you|or|vs|versus|better|worse|best|instead|first|before|rather|than|compare[sd]?|comparison|difference|alternatives?|same|either|both|together|(?<!\b(?:start|started|starting|begin|beginning)(?: off| out)? )with|combine|stack|as (?:good|well|effective|strong)|what about|how about)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsBack();
}
