namespace ChatBot.Core.Knowledge;

/// <summary>What kind of evidence the article gives for an entry, and a short note on it.</summary>
public sealed record EvidenceInfo(IReadOnlyList<string> Kinds, string Note)
{
    public string Label
    {
        get
        {
            var kinds = string.Join("; ", Kinds.Select(k => EvidenceKind.Labels.GetValueOrDefault(k, k)));
            return Note.Length == 0 ? kinds : $"{kinds} — {Note}";
        }
    }
}
