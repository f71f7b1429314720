namespace ChatBot.Core.Knowledge;

/// <summary>Reads <c>tests.yaml</c>; entry ids and red-flag categories are checked against the rest of the folder.</summary>
internal static class ModeratorTestReader
{
    public static IReadOnlyList<ModeratorTest> Read(string text, string file, List<KnowledgeError> errors)
    {
        var fields = YamlFile.ReadMapping(text, file, errors);
        if (fields is null)
        {
            return [];
        }

        fields.RejectUnknown("tests");
        var tests = new List<ModeratorTest>();
        foreach (var (item, _, node) in fields.Mappings("tests", 0))
        {
            item.RejectUnknown("message", "expect", "flags", "no_flags", "contains", "not_contains");
            var noFlags = item.String("no_flags", required: false);
            if (noFlags is not ("" or "true" or "false"))
            {
                item.Error("no_flags", $"'{noFlags}' must be true or false", item.Node("no_flags"));
            }

            tests.Add(new ModeratorTest(item.String("message"), item.String("expect"), item.LineOf(node))
            {
                Flags = item.Strings("flags", 0, required: false),
                NoFlags = noFlags == "true",
                Contains = item.Strings("contains", 0, required: false),
                NotContains = item.Strings("not_contains", 0, required: false),
            });
        }

        return tests;
    }

    /// <summary>Every expectation names an entry, category or keyword that exists.</summary>
    public static void Check(IReadOnlyList<ModeratorTest> tests, IReadOnlyList<FaqEntry> entries, IReadOnlyList<SafetyCategory> safety, List<KnowledgeError> errors)
    {
        string[] keywords = [ModeratorTest.NoAnswer, ModeratorTest.SmallTalk, ModeratorTest.Any];
        foreach (var test in tests)
        {
            if (!keywords.Contains(test.Expect) && entries.All(e => e.Id != test.Expect))
            {
                errors.Add(new KnowledgeError(KnowledgeLoader.TestsFile, test.Line, "expect",
                    $"'{test.Expect}' is not an entry id (or {string.Join(", ", keywords)})"));
            }

            foreach (var flag in test.Flags.Where(f => safety.All(c => c.Id != f)))
            {
                errors.Add(new KnowledgeError(KnowledgeLoader.TestsFile, test.Line, "flags", $"'{flag}' is not a category of safety.yaml"));
            }
        }
    }
}
