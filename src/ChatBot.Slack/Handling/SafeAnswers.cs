using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Handling;

/// <summary>Calls the engine; a bug in it becomes the Core error notice, never silence or a stack trace in Slack.</summary>
public sealed partial class SafeAnswers
{
    public const string Platform = "slack";
    private readonly IAnswerEngine _engine;
    private readonly ILogger<SafeAnswers> _logger;

    public SafeAnswers(IAnswerEngine engine, ILogger<SafeAnswers> logger)
    {
        _engine = engine;
        _logger = logger;
    }

    public IAnswerEngine Engine => _engine;

    public Reply Run(Func<IAnswerEngine, Reply> ask) => _engine.ReplyOrErrorNotice(ask, LogEngineFailed);

    public Reply Ask(string question, string? userId, bool isPublic) =>
        Run(e => e.Ask(question, new AskContext(Platform, userId, isPublic)));

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack: the answer engine failed; sending the error notice.")]
    private partial void LogEngineFailed(Exception exception);
}
