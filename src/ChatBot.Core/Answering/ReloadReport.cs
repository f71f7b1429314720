using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Answering;

/// <summary>The outcome of one reload attempt: applied (a new version is live) or rejected (the old one still serves).</summary>
public sealed record ReloadReport(
    bool Applied,
    string ServingVersion,
    string PreviousVersion,
    int EntryCount,
    IReadOnlyList<KnowledgeError> Errors,
    TimeSpan Took,
    DateTimeOffset At)
{
    public bool Changed => Applied && ServingVersion != PreviousVersion;

    /// <summary>One line for a moderator; errors follow on their own lines.</summary>
    public string Summary => Applied
        ? Changed ? $"Knowledge {ServingVersion} is live ({EntryCount} entries), replacing {PreviousVersion}." : $"Knowledge {ServingVersion} unchanged."
        : $"Knowledge edit rejected with {Errors.Count} error(s); still serving {ServingVersion}.";
}
