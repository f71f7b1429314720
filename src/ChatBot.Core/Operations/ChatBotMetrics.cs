using System.Diagnostics.Metrics;
using ChatBot.Core.Delivery;
using ChatBot.Core.QuestionLog;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Operations;

/// <summary>
/// The bot's measurements, as one <see cref="Meter"/> named <c>ChatBot</c>: questions by platform and outcome,
/// answer time, red flags by category, fair-use refusals, knowledge reloads, the platforms' 429s and reconnects,
/// coordination failures and sends waiting. Exported by OpenTelemetry (Prometheus or OTLP) when the host switches it on; otherwise free.
/// Never carries user text or ids.
/// </summary>
public sealed class ChatBotMetrics : IDisposable
{
    public const string MeterName = "ChatBot";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _questions;
    private readonly Histogram<double> _answerTime;
    private readonly Counter<long> _flags;
    private readonly Counter<long> _limited;
    private readonly Counter<long> _reloads;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _coordinationFailures;

    /// <param name="questionLog">The question log's queue, when the log is on: its dropped records are counted.</param>
    public ChatBotMetrics(SendLanes lanes, QuestionLogQueue? questionLog = null)
    {
        _questions = _meter.CreateCounter<long>("chatbot.questions", description: "Questions answered, by platform and outcome");
        _answerTime = _meter.CreateHistogram<double>("chatbot.answer.duration", unit: "ms", description: "Time to work out a reply");
        _flags = _meter.CreateCounter<long>("chatbot.safety.flags", description: "Red flags raised, by category");
        _limited = _meter.CreateCounter<long>("chatbot.fairuse.limited", description: "Questions refused by fair use, by platform");
        _reloads = _meter.CreateCounter<long>("chatbot.knowledge.reloads", description: "Knowledge reloads, by result");
        _rateLimited = _meter.CreateCounter<long>("chatbot.platform.rate_limited", description: "429 responses from a platform");
        _reconnects = _meter.CreateCounter<long>("chatbot.platform.reconnects", description: "Gateway or socket reconnects");
        _coordinationFailures = _meter.CreateCounter<long>("chatbot.coordination.failures", description: "Claims or locks the shared store could not answer (the bot went ahead alone), by operation");
        _meter.CreateObservableGauge("chatbot.sends.pending", () => lanes.Pending, description: "Replies waiting to be sent");
        _meter.CreateObservableCounter("chatbot.questionlog.dropped", () => questionLog?.DroppedTotal ?? 0, description: "Question log records dropped because the store fell behind");
    }

    public void Answered(string platform, Reply reply, TimeSpan took)
    {
        var outcome = reply.Limited ? "limited" : reply.Outcome.ToString().ToLowerInvariant();
        _questions.Add(1, new("platform", platform), new("outcome", outcome));
        _answerTime.Record(took.TotalMilliseconds, new KeyValuePair<string, object?>("platform", platform));
        foreach (var flag in reply.SafetyFlags)
        {
            _flags.Add(1, new KeyValuePair<string, object?>("category", flag));
        }
    }

    public void Limited(string platform) => _limited.Add(1, new KeyValuePair<string, object?>("platform", platform));

    /// <param name="result"><c>applied</c>, <c>rejected</c> or <c>unchanged</c>.</param>
    public void Reloaded(string result) => _reloads.Add(1, new KeyValuePair<string, object?>("result", result));

    public void RateLimited(string platform) => _rateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void Reconnected(string platform) => _reconnects.Add(1, new KeyValuePair<string, object?>("platform", platform));

    /// <param name="operation"><c>claim</c> or <c>lock</c>.</param>
    public void CoordinationFailed(string operation) => _coordinationFailures.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public void Dispose() => _meter.Dispose();
}
