namespace ChatBot.Discord.Sending;

/// <summary><c>CreatePrivateChannelRequest</c>.</summary>
internal sealed record CreateDmPayload(string RecipientId);
