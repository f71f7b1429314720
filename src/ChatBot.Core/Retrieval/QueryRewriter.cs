using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Rewrites slang and aliases from <c>bot.yaml</c> to their canonical term, on questions and FAQ text
/// alike. One pass, longest alias first, so a rewritten term is never rewritten again.
/// </summary>
public sealed class QueryRewriter
{
    private readonly Regex? _pattern;
    private readonly Dictionary<string, string> _terms = new(StringComparer.OrdinalIgnoreCase);

    private readonly Regex? _subject;

    public QueryRewriter(IReadOnlyList<Synonym> synonyms, string subject = "")
    {
        if (subject.Length > 0)
        {
            _subject = new Regex($@"(?<![\w-]){Regex.Escape(subject)}(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }

        foreach (var synonym in synonyms)
        {
            // The canonical term maps to itself, so text already canonical is matched whole and kept.
            _terms.TryAdd(synonym.Term, synonym.Term);
            foreach (var alias in synonym.Aliases)
            {
                _terms.TryAdd(alias, synonym.Term);
            }
        }

        if (_terms.Count > 0)
        {
            var alternatives = string.Join('|', _terms.Keys.OrderByDescending(a => a.Length).Select(Regex.Escape));
            _pattern = new Regex($@"(?<![\w-])(?:{alternatives})(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }

    public string Rewrite(string text) =>
        _pattern is null ? text : _pattern.Replace(text, m => _terms.TryGetValue(m.Value, out var term) ? term : m.Value);

    /// <summary>
    /// The rewritten text with the subject every question is about (bot.yaml <c>subject</c>) read as "it",
    /// so semantic matching weighs what is asked rather than the product name that every entry shares.
    /// </summary>
    public string Neutral(string text) => _subject is null ? Rewrite(text) : _subject.Replace(Rewrite(text), "it");
}
