namespace ChatBot.Core.Knowledge;

/// <summary>The kinds of evidence an FAQ entry can rest on, with the words users see.</summary>
public static class EvidenceKind
{
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["human_trial"] = "one human clinical trial",
        ["unnamed_study"] = "one study the article does not describe",
        ["animal_studies"] = "animal studies",
        ["cell_studies"] = "lab studies on cells",
        ["expert_opinion"] = "an expert's opinion",
        ["article_claim"] = "a statement of the article without a named study",
        ["none"] = "no evidence given",
    };
}
