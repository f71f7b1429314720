using ChatBot.Core.Replies;
using ChatBot.Core.Text;

namespace ChatBot.Core.Answering;

/// <summary>
/// What an edit would change for users: each message answered by the live version and by the edited one,
/// compared by outcome, entry and red flags, so a moderator sees the effect of an edit before saving it.
/// </summary>
public static class KnowledgeDiff
{
    public sealed record Change(string Message, string Live, string Edited);

    public static IReadOnlyList<Change> Compare(KnowledgeSnapshot live, KnowledgeSnapshot edited, IEnumerable<string> messages) =>
        messages
            .Distinct(StringComparer.Ordinal)
            .Select(m => (m, normalized: QuestionNormalizer.Normalize(m)))
            .Select(x => new Change(x.m, Describe(AnswerEngine.Answer(live, x.normalized)), Describe(AnswerEngine.Answer(edited, x.normalized))))
            .Where(c => c.Live != c.Edited)
            .ToArray();

    /// <summary>The messages worth replaying: the moderators' tests and every entry's question, of both versions.</summary>
    public static IEnumerable<string> Messages(KnowledgeSnapshot live, KnowledgeSnapshot edited) =>
        live.Knowledge.Tests.Concat(edited.Knowledge.Tests).Select(t => t.Message)
            .Concat(live.Knowledge.Entries.Concat(edited.Knowledge.Entries).Select(e => e.Question));

    public static string Describe(Reply reply)
    {
        var what = reply.EntryId is not null
            ? reply.CompanionEntryId is null ? reply.EntryId : $"{reply.EntryId} + {reply.CompanionEntryId}"
            : reply.Intent is not null ? $"small talk ({reply.Intent})" : reply.Outcome.ToString().ToLowerInvariant();
        return reply.SafetyFlags.Count == 0 ? what : $"{what} [{string.Join(", ", reply.SafetyFlags)}]";
    }
}
