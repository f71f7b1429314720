namespace ChatBot.Core.Conversations;

/// <summary>The last question the bot answered in a conversation, and the entry that answered it. Memory only, never logged.</summary>
public sealed record ConversationTurn(string User, string Question, string EntryId, DateTimeOffset At);
