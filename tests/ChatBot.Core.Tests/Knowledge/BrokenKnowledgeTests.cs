using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>Each broken edit a moderator could make is reported with the right file, line and field.</summary>
public sealed class BrokenKnowledgeTests : IDisposable
{
    private readonly string _folder = TestKnowledge.CopyToTemp();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, string, string, string, string> Cases => new()
    {
        // name, file, text to replace, replacement, expected field, text on the expected line
        { "bad yaml", "faq/side-effects.yaml", "question: \"What side effects", "question: What side: effects", "", "question:" },
        { "missing question", "faq/side-effects.yaml", "question: \"What side effects does magnesium L-threonate have?\"\n", "", "question", "id: side-effects" },
        { "missing answer", "faq/side-effects.yaml", "answer: >-", "answr: >-", "answr", "answr:" },
        { "too few alternates", "faq/side-effects.yaml", "  - \"side fx of mgt\"\n  - \"any side effects from mag threonate\"\n  - \"can magtein give you a headache\"\n  - \"does threonate make you groggy or sleepy\"\n  - \"head feels full or pulsing after mag l threonate, is that known\"\n  - \"is next-day sleepiness a thing with mgt\"\n  - \"bad reactions to magnesium threonate?\"\n  - \"what are the downsides of magtein\"\n", "", "alternates", "alternates:" },
        { "unknown related id", "faq/side-effects.yaml", "related: [kidney-disease,", "related: [no-such-entry, kidney-disease,", "related", "related:" },
        { "quote not in the source", "faq/side-effects.yaml", "are headaches, drowsiness,", "are headaches, nausea,", "citations[0].quote", "are headaches, nausea," },
        { "unknown source", "faq/side-effects.yaml", "  - source: mgt-sleep-article", "  - source: another-article", "citations[0].source", "source: another-article" },
        { "empty caveats", "faq/side-effects.yaml", "caveats:\n", "caveats: []\nzz:\n", "caveats", "caveats: []" },
        { "missing evidence", "faq/side-effects.yaml", "evidence:\n  kinds: [article_claim]\n  note: \"The article states this without naming a study.\"\n", "", "evidence", "id: side-effects" },
        { "unknown evidence kind", "faq/side-effects.yaml", "kinds: [article_claim]", "kinds: [rumour]", "evidence.kinds", "kinds: [rumour]" },
        { "id not the file name", "faq/side-effects.yaml", "id: side-effects", "id: side-effect", "id", "id: side-effect" },
        { "id with capitals", "faq/side-effects.yaml", "id: side-effects", "id: Side-Effects", "id", "id: Side-Effects" },
        { "related refers to itself", "faq/side-effects.yaml", "related: [kidney-disease,", "related: [side-effects, kidney-disease,", "related", "related:" },
        { "bad regex", "safety.yaml", "patterns:\n", "patterns:\n      - '(unclosed'\n", "categories[0].patterns[0]", "'(unclosed'" },
        { "catastrophic regex", "safety.yaml", "patterns:\n", "patterns:\n      - '^(a+)+$'\n", "categories[0].patterns[0]", "'^(a+)+$'" },
        { "bad action", "safety.yaml", "action: replace", "action: shout", "action", "action: shout" },
        { "missing category", "safety.yaml", "id: self_harm", "id: self_harm_renamed", "categories", "categories:" },
        { "unknown concept in a combination", "safety.yaml", "      - [took, by_mistake]", "      - [took, by_mistakes]", "categories[2].combinations[1]", "[took, by_mistakes]" },
        { "unknown concept among alternatives", "safety.yaml", "          - [farewell_hint, goodbye,", "          - [farewel_hint, goodbye,", "categories[0].combinations[141]", "      - concepts:" },
        { "alternatives nested in alternatives", "safety.yaml", "          - [farewell_hint, goodbye,", "          - [[farewell_hint], goodbye,", "categories[0].combinations[141]", "      - concepts:" },
        { "overruling a concept the category does not list in unless", "safety.yaml", "overruled: { asking_about: [happening_now], long_ago", "overruled: { asked_about: [happening_now], long_ago", "categories[1].overruled", "overruled: { asked_about" },
        { "unknown concept overrules", "safety.yaml", "overruled: { asking_about: [happening_now], long_ago", "overruled: { asking_about: [happening_nowish], long_ago", "categories[1].overruled", "overruled: { asking_about: [happening_nowish], long_ago: [happening_now], resolved: [happening_now] }" },
        { "unknown concept in negated_by", "safety.yaml", "    negated_by: [negation]\n", "    negated_by: [negations]\n", "categories[2].negated_by", "negated_by: [negations]" },
        { "bad concept regex", "safety.yaml", "  die_wish:\n", "  die_wish:\n    - '(unclosed'\n", "concepts.die_wish[0]", "'(unclosed'" },
        { "combination read within a paragraph", "safety.yaml", "hopeless, many], within: message }", "hopeless, many], within: paragraph }", "categories[0].combinations[3].within", "within: paragraph" },
        { "missing doctor advice", "bot.yaml", "doctor_advice:", "doctor_advise:", "doctor_advice", "standing_caveat:" },
        { "clarify without placeholders", "bot.yaml", "\"{0}\" or \"{1}\"", "one or the other", "messages.clarify", "clarify:" },
        { "English reading note without placeholder", "bot.yaml", "\"{0}\"; if that", "your words; if that", "messages.read_in_english", "read_in_english:" },
        { "source without header", "sources/mgt-sleep-article.txt", "---\nid: mgt-sleep-article", "id: mgt-sleep-article", "", "id: mgt-sleep-article" },
        { "unknown glossary language", "glossary.yaml", "  ru:\n", "  russian:\n", "languages.russian", "  russian:" },
        { "glossary stem too short", "glossary.yaml", "    \"почк*\": ", "    \"поч*\": ", "languages.ru.поч*", "\"поч*\"" },
        { "glossary switch not true or false", "safety.yaml", "    glossary: false\n", "    glossary: no way\n", "categories[2].glossary", "glossary: no way" },
        { "not-covered topic without phrases", "not-covered.yaml", "    phrases:\n      - does ashwagandha help you sleep", "    phrasings:\n      - does ashwagandha help you sleep", "topics[0].phrases", "id: other-supplements" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Broken_edit_is_reported_with_file_line_and_field(string name, string file, string find, string replace, string field, string lineText)
    {
        var path = Path.Combine(_folder, file);
        var text = File.ReadAllText(path);
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"{name}: fixture text not found in {file}");
        var at = text.IndexOf(find, StringComparison.Ordinal);
        File.WriteAllText(path, text[..at] + replace + text[(at + find.Length)..]);

        var result = KnowledgeLoader.Load(_folder);

        Assert.False(result.IsValid);
        var errors = result.Errors.Where(e => e.File.EndsWith(file, StringComparison.Ordinal) && e.Field.EndsWith(field, StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(LineOf(path, lineText), e.Line));
    }

    [Fact]
    public void Duplicate_id_names_both_files()
    {
        File.Copy(Path.Combine(_folder, "faq/side-effects.yaml"), Path.Combine(_folder, "faq/side-effects.yml"));

        var result = KnowledgeLoader.Load(_folder);

        var error = Assert.Single(result.Errors, e => e.Message.Contains("duplicate id", StringComparison.Ordinal));
        Assert.Contains("side-effects.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_bot_file_is_reported()
    {
        File.Delete(Path.Combine(_folder, "bot.yaml"));

        var result = KnowledgeLoader.Load(_folder);

        Assert.Contains(result.Errors, e => e.File.EndsWith("bot.yaml", StringComparison.Ordinal) && e.Message == "file is missing");
    }

    [Fact]
    public void Error_text_reads_file_colon_line_colon_field()
    {
        var error = new KnowledgeError("knowledge/faq/dose.yaml", 12, "citations[0].quote", "is not a verbatim quote");

        Assert.Equal("knowledge/faq/dose.yaml:12: citations[0].quote: is not a verbatim quote", error.ToString());
    }

    private static int LineOf(string path, string text)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' not in {path}");
        return index + 1;
    }
}
