namespace ChatBot.Core.QuestionLog;

/// <summary>One row on its way to the store: a question or a vote.</summary>
public abstract record QuestionLogRecord(DateTimeOffset At);
