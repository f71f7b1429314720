using System.Globalization;
using System.Text;
using ChatBot.Core.Answering;
using ChatBot.Core.Text;

namespace ChatBot.Core.Moderation;

/// <summary>
/// <c>check "message"</c>, for moderators in chat and on the command line: what the bot would do with a
/// message and why — outcome, entry, confidence, the runner-up, the closest known gap, and each red flag
/// with the pattern or example that raised it.
/// </summary>
public static class MessageCheck
{
    public static string Describe(KnowledgeSnapshot snapshot, string message)
    {
        var normalized = QuestionNormalizer.Normalize(message);
        var vectors = snapshot.Retriever.NewVectors();
        var reply = AnswerEngine.Answer(snapshot, normalized, vectors);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Outcome: {KnowledgeDiff.Describe(reply)}, confidence {reply.Confidence:0.00} (knowledge {snapshot.Version}, {snapshot.Retriever.Mode} retrieval).");
        if (normalized.Any(char.IsLetterOrDigit))
        {
            var decision = snapshot.Retriever.Decide(normalized, vectors);
            foreach (var (candidate, rank) in decision.Candidates.Take(2).Select((c, i) => (c, i)))
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture,
                    $"{(rank == 0 ? "Best entry" : "Runner-up")}: {candidate.Entry.Id} {candidate.Score:0.00} (closest phrasing \"{candidate.ClosestPhrase}\")");
            }

            if (decision.GapName.Length > 0)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"Known gap by name: {decision.Gap!.Id} (the question names \"{decision.GapName}\" and not the subject)");
            }
            else if (decision.Gap is not null)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"Closest known gap: {decision.Gap.Id} {decision.GapScore:0.00}")
                    .Append(decision.GapPhrase.Length == 0 ? "" : $" (closest phrasing \"{decision.GapPhrase}\")");
            }

            var assessment = snapshot.Triage(normalized, vectors);
            text.AppendLine().Append(assessment.Flags.Count == 0
                ? "Red flags: none."
                : $"Red flags{(assessment.IsUrgent ? " (the answer is replaced)" : "")}:");
            foreach (var flag in assessment.Flags)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"• {flag.Category.Id}: {flag.Explain()}");
            }
        }

        return text.ToString();
    }
}
