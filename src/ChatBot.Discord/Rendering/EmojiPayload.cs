namespace ChatBot.Discord.Rendering;

/// <summary><c>ComponentEmojiForRequest</c> (unicode emoji: name only).</summary>
internal sealed record EmojiPayload(string Name);
