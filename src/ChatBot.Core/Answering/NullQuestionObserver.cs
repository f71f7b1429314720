namespace ChatBot.Core.Answering;

/// <summary>Observes nothing: the default when the question log is off.</summary>
public sealed class NullQuestionObserver : IQuestionObserver
{
    public void Answered(AnsweredQuestion question)
    {
    }
}
