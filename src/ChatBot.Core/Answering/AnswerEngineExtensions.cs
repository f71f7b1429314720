using ChatBot.Core.Replies;

namespace ChatBot.Core.Answering;

public static class AnswerEngineExtensions
{
    /// <summary>
    /// For adapters: runs an engine call and, should it throw (the engine throws only on bugs), reports the
    /// exception and returns the error notice instead — so a user always gets a rendered reply with the
    /// caveat and the doctor advice, never silence.
    /// </summary>
    public static Reply ReplyOrErrorNotice(this IAnswerEngine engine, Func<IAnswerEngine, Reply> call, Action<Exception> report) =>
        engine.ReplyOrSilenceOrErrorNotice(call, report)!;

    /// <summary>As above, for a call that may decide to say nothing (null: over the fair-use limit and already told).</summary>
    public static Reply? ReplyOrSilenceOrErrorNotice(this IAnswerEngine engine, Func<IAnswerEngine, Reply?> call, Action<Exception> report)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(report);
        try
        {
            return call(engine);
        }
#pragma warning disable CA1031 // Turning a bug into the error notice is the point; the exception is reported.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            report(exception);
            return engine.Notice(NoticeKind.Error);
        }
    }
}
