using ChatBot.Core.Answering;
using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Handling;

/// <summary>
/// Calls the engine (questions through Core's <see cref="QuestionDesk"/>: fair use and follow-ups); a bug in it
/// becomes the Core error notice, never a stack trace in Slack.
/// </summary>
public sealed partial class SafeAnswers(IAnswerEngine engine, QuestionDesk desk, ILogger<SafeAnswers> logger)
{
    public const string Platform = "slack";
    private readonly IAnswerEngine _engine = engine;
    private readonly QuestionDesk _desk = desk;
    private readonly ILogger<SafeAnswers> _logger = logger;

    public IAnswerEngine Engine => _engine;

    public Reply Run(Func<IAnswerEngine, Reply> ask) => _engine.ReplyOrErrorNotice(ask, LogEngineFailed);

    /// <summary>The reply, or null when the asker is over the fair-use limit and was already told.</summary>
    public Reply? Ask(string question, AskContext context) =>
        _engine.ReplyOrSilenceOrErrorNotice(_ => _desk.Ask(question, context), LogEngineFailed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack: the answer engine failed; sending the error notice.")]
    private partial void LogEngineFailed(Exception exception);
}
