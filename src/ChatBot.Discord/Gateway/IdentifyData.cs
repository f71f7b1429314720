namespace ChatBot.Discord.Gateway;

/// <summary>IDENTIFY (op 2) data. The token goes without the "Bot " prefix.</summary>
internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties, int[] Shard);

/// <summary>Connection properties of IDENTIFY.</summary>
internal sealed record IdentifyProperties(string Os, string Browser, string Device);

/// <summary>RESUME (op 6) data.</summary>
internal sealed record ResumeData(string Token, string SessionId, int Seq);
