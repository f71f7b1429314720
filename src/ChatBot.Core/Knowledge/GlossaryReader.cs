using ChatBot.Core.Text;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Reads <c>glossary.yaml</c>: under <c>languages</c>, one mapping per language code from a word, an expression or a
/// stem (<c>word*</c>, at least four letters before the star) to its English.
/// </summary>
internal static class GlossaryReader
{
    public const int ShortestStem = 4;

    public static Glossary Read(string text, string file, List<KnowledgeError> errors)
    {
        var fields = YamlFile.ReadMapping(text, file, errors);
        if (fields is null)
        {
            return Glossary.Empty;
        }

        fields.RejectUnknown("languages");
        var languages = new Dictionary<string, GlossaryLanguage>(StringComparer.Ordinal);
        if (fields.Node("languages") is not YamlMappingNode map)
        {
            fields.Error("languages", "must be a mapping from a language code to its words", fields.Node("languages"));
            return Glossary.Empty;
        }

        foreach (var (key, value) in map.Children)
        {
            var code = (key as YamlScalarNode)?.Value ?? "";
            var path = $"languages.{code}";
            if (!Glossary.KnownLanguages.Contains(code))
            {
                errors.Add(new KnowledgeError(file, fields.LineOf(key), path, $"unknown language (expected one of: {string.Join(", ", Glossary.KnownLanguages)})"));
                continue;
            }

            if (value is not YamlMappingNode words)
            {
                errors.Add(new KnowledgeError(file, fields.LineOf(key), path, "must be a mapping from a word to its English"));
                continue;
            }

            languages[code] = ReadLanguage(code, words, file, path, fields, errors);
        }

        return new Glossary(languages);
    }

    private static GlossaryLanguage ReadLanguage(string code, YamlMappingNode map, string file, string path, YamlFields fields, List<KnowledgeError> errors)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var source = Normalise(code, (key as YamlScalarNode)?.Value ?? "");
            var line = fields.LineOf(key);
            if (value is not YamlScalarNode { Value: var english } || english is null)
            {
                errors.Add(new KnowledgeError(file, line, $"{path}.{source}", "must be a text: the English, or \"-\" for a particle that means nothing"));
                continue;
            }

            var rendering = english.Trim() == "-" ? "" : english.Trim().ToLowerInvariant();
            if (source.Length == 0 || source == "*")
            {
                errors.Add(new KnowledgeError(file, line, path, "a word must not be empty"));
            }
            else if (source.EndsWith('*'))
            {
                var stem = source[..^1];
                if (stem.Length < ShortestStem || stem.Contains(' '))
                {
                    errors.Add(new KnowledgeError(file, line, $"{path}.{source}", $"a stem needs at least {ShortestStem} letters and no space before the '*'"));
                }
                else
                {
                    stems.TryAdd(stem, rendering);
                }
            }
            else
            {
                // Two keys that read as the same words ("chez-moi" and "chez moi"): the first one written wins.
                words.TryAdd(source, rendering);
            }
        }

        return new GlossaryLanguage(code, words, stems);
    }

    /// <summary>
    /// Lower case, Arabic letter variants folded as triage folds them, and, in the languages read word by word, split into
    /// words as a message is: "est-ce que" is the three words "est ce que", and "¿qué" is "qué". Without the split a key
    /// with a hyphen or a mark could never match.
    /// </summary>
    private static string Normalise(string code, string source)
    {
        var lower = string.Join(' ', source.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var folded = code == "ar" ? Safety.ArabicLetters.Fold(lower) : lower;
        if (code is "zh" or "ja" || folded is "" or "*")
        {
            return folded;
        }

        var stem = folded.EndsWith('*');
        var words = EnglishGloss.WordsOf(stem ? folded[..^1] : folded);
        return stem ? words + "*" : words;
    }
}
