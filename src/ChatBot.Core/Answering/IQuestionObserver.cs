namespace ChatBot.Core.Answering;

/// <summary>Told of every answered question. Must return quickly and never throw: it runs on the reply path.</summary>
public interface IQuestionObserver
{
    void Answered(AnsweredQuestion question);
}
