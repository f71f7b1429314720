using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Text;

/// <summary>A glossary written in a test, as <c>glossary.yaml</c> would hold it; it must read without errors.</summary>
internal static class GlossaryYaml
{
    public static Glossary Read(string yaml)
    {
        var errors = new List<KnowledgeError>();
        var glossary = GlossaryReader.Read(yaml, "glossary.yaml", errors);
        Assert.Empty(errors);
        return glossary;
    }
}
