using System.Text.Encodings.Web;
using System.Text.Json;
using ChatBot.Core.Replies;

namespace ChatBot.Host.Cli;

/// <summary>
/// The stable one-line JSON contract of <c>chatbot ask --json</c>:
/// question, outcome, entryId, confidence, answer, citations[{source, quote, location}], evidence,
/// caveats[], safetyFlags[], doctorAdvice, related[] (entry ids), text.
/// </summary>
public static class ReplyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Serialize(string question, Reply reply) => JsonSerializer.Serialize(new
    {
        question,
        outcome = OutcomeName(reply.Outcome),
        entryId = reply.EntryId,
        confidence = Math.Round(reply.Confidence, 4),
        answer = reply.Answer,
        citations = reply.Citations.Select(c => new { source = c.SourceTitle, quote = c.Quote, location = c.Location }),
        evidence = reply.Evidence,
        caveats = reply.Caveats,
        safetyFlags = reply.SafetyFlags,
        doctorAdvice = reply.DoctorAdvice,
        related = reply.Related.Select(r => r.EntryId),
        text = reply.Text,
    }, Options);

    public static string OutcomeName(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.Answer => "answer",
        ReplyOutcome.Clarify => "clarify",
        ReplyOutcome.NoAnswer => "no_answer",
        ReplyOutcome.Safety => "safety",
        _ => "notice",
    };
}
