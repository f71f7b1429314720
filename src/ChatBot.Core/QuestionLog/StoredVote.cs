namespace ChatBot.Core.QuestionLog;

/// <summary>A vote with the text of the question it was about, when that text is kept.</summary>
public sealed record StoredVote(LoggedVote Vote, string? Question);
