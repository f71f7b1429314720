namespace ChatBot.Discord.Gateway;

/// <summary>IDENTIFY (op 2) data. The token goes without the "Bot " prefix.</summary>
internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties, int[] Shard);
