using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>Moderators hear of rejected edits and of new versions going live, not of rescans that changed nothing.</summary>
    public bool WorthTellingModerators => !Applied || Changed;

    /// <summary>
    /// The same in every instance that reaches this outcome on the same files (the time is left out), so
    /// that instances sharing a moderator channel can agree to post it once.
    /// </summary>
    public string Fingerprint => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        Applied
            ? $"applied\n{ServingVersion}"
            : $"rejected\n{ServingVersion}\n{string.Join('\n', Errors.Select(e => $"{Path.GetFileName(e.File)}:{e.Line}:{e.Field}:{e.Message}"))}")))[..32];

    /// <summary>One line for a moderator; errors follow on their own lines.</summary>
    public string Summary => Applied
        ? Changed ? $"Knowledge {ServingVersion} is live ({EntryCount} entries), replacing {PreviousVersion}." : $"Knowledge {ServingVersion} unchanged."
        : $"Knowledge edit rejected with {Errors.Count} error(s); still serving {ServingVersion}.";

    /// <summary>The summary, then at most <paramref name="maxErrors"/> errors as <c>file:line: field: message</c>.</summary>
    public string Describe(int maxErrors = 10)
    {
        var text = new StringBuilder(Summary);
        foreach (var error in Errors.Take(maxErrors))
        {
            text.Append("\n• ").Append(error);
        }

        if (Errors.Count > maxErrors)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n… and {Errors.Count - maxErrors} more (run `chatbot faq validate`).");
        }

        return text.ToString();
    }
}
