namespace ChatBot.Discord.Sending;

/// <summary><c>MessageReferenceRequest</c>.</summary>
internal sealed record MessageReferencePayload(string MessageId, bool FailIfNotExists);
